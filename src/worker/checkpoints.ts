// Engine checkpoints of a session, taken as the run goes (design.md 3.7). A seek restores the
// latest one at or before its target and replays from there, so the gaps between checkpoints
// bound the replay and their bytes bound the memory.
//
// Policy, and why:
// - The gap after a checkpoint grows with its size (at least `minGapEvents`, at least
//   `bytes / bytesPerGapEvent` events). Saving costs time in proportion to the state's size, so
//   a big state is saved less often; and memory grows by about `bytesPerGapEvent` bytes per
//   engine event, whatever the scene. A state over `largeStateBytes` stretches the gap further
//   (saving a huge scene often would slow the run it records).
// - Over the byte budget, checkpoints are thinned: the one whose removal leaves the smallest
//   merged gap goes first, so old history keeps evenly spaced checkpoints (a seek's cost is its
//   replay, so even gaps keep the slowest seek as fast as the budget allows), while the newest
//   `keepRecent` stay dense for stepping back and scrubbing near the present. Only when that is
//   not enough do recent ones go too (never the newest). The start needs no checkpoint: the
//   scenario rebuilds it.
// - The future a fork drops is kept for one undo, thinned to a quarter of the budget, and counts
//   against the budget while it is kept.
// States are kept as JSON text: far smaller than the object graph, and parsed only to restore.
import { sharedChunksOf, type SavedEngine } from '../engine';
import { compareMoments, type SessionMoment } from './moment';

export interface CheckpointPolicy {
  minGapEvents: number;
  bytesPerGapEvent: number;
  largeStateBytes: number;
  budgetBytes: number;
  keepRecent: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = {
  minGapEvents: 1000,
  bytesPerGapEvent: 125,
  largeStateBytes: 4 * 1024 * 1024,
  budgetBytes: 48 * 1024 * 1024,
  keepRecent: 8,
};

export interface Checkpoint {
  moment: SessionMoment;
  /** The engine's saved state as JSON text (its logs' older part lives in the session's store). */
  state: string;
  /** The SharedLogStore chunks the state names (kept alive while this checkpoint is). */
  chunks: number[];
  /**
   * What saving and restoring this state costs, in bytes: its text plus the log chunks it
   * names. The gap to the next checkpoint grows with it, as it did when states were whole.
   */
  weight: number;
  /** Memory the text takes (V8 keeps Latin-1 text in one byte per character, other text in two). */
  bytes: number;
}

export class CheckpointStore {
  private items: Checkpoint[] = [];
  private total = 0;
  /** Bytes kept elsewhere (the future saved to undo a fork) that count against the budget. */
  private reserved = 0;

  /**
   * `sharedBytes(kept)`: what the checkpoints `kept` hold outside their text (the log chunks
   * they share); it counts against the budget like the text does.
   */
  constructor(
    readonly policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY,
    private readonly sharedBytes: (kept: readonly Checkpoint[]) => number = () => 0,
  ) {}

  get bytes(): number {
    return this.total + this.sharedBytes(this.items);
  }

  get count(): number {
    return this.items.length;
  }

  list(): readonly Checkpoint[] {
    return this.items;
  }

  /** Whether a run standing at `position` has gone far enough past the last checkpoint. */
  due(position: number): boolean {
    const last = this.items[this.items.length - 1];
    if (!last) return position >= this.policy.minGapEvents;
    const { minGapEvents, bytesPerGapEvent, largeStateBytes } = this.policy;
    const stretch = Math.max(1, last.weight / largeStateBytes);
    const gap = Math.max(minGapEvents, (last.weight / bytesPerGapEvent) * stretch);
    return position - last.moment.position >= gap;
  }

  /**
   * Add a checkpoint after every one kept so far, then thin to the budget. `sharedWeight`: what
   * the log chunks the state names weigh (see Checkpoint.weight).
   */
  add(
    moment: SessionMoment,
    saved: SavedEngine,
    sharedWeight: (chunks: readonly number[]) => number = () => 0,
  ): void {
    const last = this.items[this.items.length - 1];
    if (last && compareMoments(moment, last.moment) <= 0) {
      throw new Error('checkpoints are added in the order of the history');
    }
    const state = JSON.stringify(saved);
    const bytes = stringBytes(state);
    const chunks = sharedChunksOf(saved.state);
    const checkpoint = {
      moment: { ...moment },
      state,
      chunks,
      bytes,
      weight: bytes + sharedWeight(chunks),
    };
    this.items.push(checkpoint);
    this.total += checkpoint.bytes;
    this.thin();
  }

  /**
   * The latest checkpoint whose moment satisfies `reached` (true for a prefix of the history, as
   * "at or before the target" is), or null: then start from the scenario.
   */
  latestWhere(reached: (moment: SessionMoment) => boolean): Checkpoint | null {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (reached(this.items[mid].moment)) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.items[lo - 1] : null;
  }

  /** Remove and return the checkpoints after `moment` (a fork drops that future). */
  removeAfter(moment: SessionMoment): Checkpoint[] {
    const keep = this.items.filter((c) => compareMoments(c.moment, moment) <= 0);
    const removed = this.items.slice(keep.length);
    this.items = keep;
    this.total = sum(keep);
    return removed;
  }

  /** Count `bytes` held elsewhere against the budget (0 to stop), thinning if need be. */
  reserve(bytes: number): void {
    this.reserved = bytes;
    this.thin();
  }

  /** Put back checkpoints removed by removeAfter (undoing a fork), then thin to the budget. */
  putBack(checkpoints: readonly Checkpoint[]): void {
    this.items = [...this.items, ...checkpoints].sort((a, b) => compareMoments(a.moment, b.moment));
    this.total = sum(this.items);
    this.thin();
  }

  private thin(): void {
    const { budgetBytes, keepRecent } = this.policy;
    // The newest stays even if it alone is over budget: it is where the next gap is measured from.
    while (
      this.items.length > 1 &&
      this.total + this.reserved + this.sharedBytes(this.items) > budgetBytes
    ) {
      const protectedFrom = Math.max(0, this.items.length - keepRecent);
      const index =
        evenest(this.items, protectedFrom) ?? evenest(this.items, this.items.length - 1)!;
      this.total -= this.items[index].bytes;
      this.items.splice(index, 1);
    }
  }
}

/** `checkpoints` thinned by the same rule to `budgetBytes` (for a copy kept aside). */
export function thinnedTo(
  checkpoints: readonly Checkpoint[],
  budgetBytes: number,
  policy: CheckpointPolicy,
): Checkpoint[] {
  const store = new CheckpointStore({ ...policy, budgetBytes, keepRecent: 1 });
  store.putBack(checkpoints);
  return [...store.list()];
}

/**
 * Among items[0 .. before), the one whose removal leaves the smallest gap between its
 * neighbours (the start counts as a neighbour of the first), or null if there is none.
 */
function evenest(items: readonly Checkpoint[], before: number): number | null {
  let best: number | null = null;
  let bestGap = Infinity;
  for (let i = 0; i < before && i < items.length - 1; i++) {
    const previous = i > 0 ? items[i - 1].moment.position : 0;
    const gap = items[i + 1].moment.position - previous;
    if (gap < bestGap) {
      bestGap = gap;
      best = i;
    }
  }
  return best;
}

function sum(items: readonly Checkpoint[]): number {
  return items.reduce((total, c) => total + c.bytes, 0);
}

/** Bytes V8 needs for a string's characters: one each if all are Latin-1, else two. */
export function stringBytes(text: string): number {
  return /[\u0100-\uffff]/.test(text) ? 2 * text.length : text.length;
}
