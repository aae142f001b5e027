// Bookkeeping of partition moves during the general sticky algorithm's balancing loop
// (AbstractStickyAssignor.PartitionMovements). It lets a move between two members reuse a
// partition that already moved the other way, so partitions do not swap back and forth. The
// partition picked is the first of a Java HashSet, hence the HashMap-order emulation.
import { JavaHashOrder } from '../javaHashMap';
import { topicPartitionHash, type TopicPartition } from './topicPartition';

interface Move {
  src: string;
  dst: string;
}

const pairKey = (src: string, dst: string): string => `${src}\u0000${dst}`;

export class PartitionMovements {
  private readonly byPartition = new Map<string, Move>();
  /** topic -> (src,dst) -> partitions of that topic that moved src -> dst. */
  private readonly byTopic = new Map<string, Map<string, JavaHashOrder<TopicPartition>>>();

  /**
   * The partition to actually move from `oldOwner` to `newOwner` when `tp` is chosen: if some
   * partition of the same topic already moved newOwner -> (original owner), move that one back.
   */
  partitionToMove(tp: TopicPartition, oldOwner: string, newOwner: string): TopicPartition {
    const topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) return tp;
    const earlier = this.byPartition.get(tp.key);
    const from = earlier ? earlier.src : oldOwner;
    const reverse = topicMoves.get(pairKey(newOwner, from));
    return reverse?.first() ?? tp;
  }

  /** Records that `tp` moved from oldOwner to newOwner (collapsing a chain of moves). */
  movePartition(tp: TopicPartition, oldOwner: string, newOwner: string): void {
    const earlier = this.byPartition.get(tp.key);
    if (earlier) {
      this.removeRecord(tp, earlier);
      if (earlier.src !== newOwner) this.addRecord(tp, { src: earlier.src, dst: newOwner });
    } else {
      this.addRecord(tp, { src: oldOwner, dst: newOwner });
    }
  }

  private removeRecord(tp: TopicPartition, move: Move): void {
    this.byPartition.delete(tp.key);
    const topicMoves = this.byTopic.get(tp.topic) as Map<string, JavaHashOrder<TopicPartition>>;
    const key = pairKey(move.src, move.dst);
    const set = topicMoves.get(key) as JavaHashOrder<TopicPartition>;
    set.delete(tp.key);
    if (set.size === 0) topicMoves.delete(key);
    if (topicMoves.size === 0) this.byTopic.delete(tp.topic);
  }

  private addRecord(tp: TopicPartition, move: Move): void {
    this.byPartition.set(tp.key, move);
    let topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) {
      topicMoves = new Map();
      this.byTopic.set(tp.topic, topicMoves);
    }
    const key = pairKey(move.src, move.dst);
    let set = topicMoves.get(key);
    if (!set) {
      set = new JavaHashOrder<TopicPartition>();
      topicMoves.set(key, set);
    }
    set.set(tp.key, topicPartitionHash(tp), tp);
  }
}
