// The invariants the simulation checks after every event, each stated so that it holds in real
// Kafka (kafka-spec section numbers in brackets). Safety invariants are checked as the run goes;
// liveness ones once the faults have healed.
import type { ClusterView, Engine, SimEvent } from '../../src/engine';
import type { SimPlan } from './plan';

export class Violation extends Error {
  constructor(
    readonly invariant: string,
    message: string,
    readonly t: number,
  ) {
    super(`${invariant}: ${message}`);
    this.name = 'Violation';
  }
}

interface AckedRecord {
  offset: number;
  key: string | null;
  value: string;
  acks: string;
}

const tpOf = (topic: string, partition: number) => `${topic}-${partition}`;

export class InvariantChecker {
  private now = 0;
  /** "tp#epoch" -> the leader elected for that epoch [3.1, 4.2]. */
  private readonly leaderOfEpoch = new Map<string, number>();
  private readonly lastEpoch = new Map<string, number>();
  /** The highest high watermark any leader of the partition has reported (hw.advanced). */
  private readonly maxHw = new Map<string, number>();
  /** epoch -> the active controller of that epoch, and the highest epoch seen [4.1, 4.2]. */
  private readonly controllerOfEpoch = new Map<number, number>();
  private lastControllerEpoch = 0;
  /** Topics that have had an unclean election: fewer guarantees hold for them [3.7]. */
  private readonly uncleanTopics = new Set<string>();
  /** "tp#epoch#leader": the elected leader has advanced the HW in that epoch (it knows). */
  private readonly actingLeaders = new Set<string>();
  /** "tp#epoch#leader#brokerEpoch" -> the highest HW seen on that leader replica. */
  private readonly leaderHw = new Map<string, number>();
  /** group#generation -> tp -> consumer. */
  private readonly owners = new Map<string, Map<string, string>>();
  /** Every acknowledgement, per partition. */
  readonly acked = new Map<string, AckedRecord[]>();
  /** The value of every acknowledged record. */
  readonly ackedValues = new Set<string>();
  /** The last error each failed record got, and whether the producer retries it. */
  readonly lastErrors = new Map<string, { error: string; retriable: boolean }>();
  /** groupId -> "tp@offset=value" of every record consumed. */
  readonly consumed = new Map<string, Set<string>>();
  /** "group/tp" -> the group's committed offset. */
  private readonly committed = new Map<string, number>();
  /** tp -> offset -> the value consumers saw there (any group). */
  private readonly consumedAt = new Map<string, Map<number, string>>();
  /**
   * "group/tp" -> the group's read frontier: the lowest offset at or above its last reset that
   * it has not consumed, and the offsets above it that it has (consumed out of order).
   */
  private readonly frontier = new Map<string, { next: number; ahead: Set<number> }>();
  /** "group/tp" -> the consumer given the partition in the group's latest generation. */
  private readonly latestOwner = new Map<string, { consumerId: string; generation: number }>();
  /** Partitions to check for lost acknowledged records after the current step. */
  private readonly electedSinceCheck = new Set<string>();

  /** How often each ignored invariant would have failed. */
  readonly ignoredFailures: Record<string, number> = {};

  /** `ignore`: invariants to count instead of failing on (to look past a known bug). */
  constructor(
    private readonly plan: SimPlan,
    private readonly ignore: readonly string[] = [],
  ) {}

  private fail(invariant: string, message: string): void {
    if (this.ignore.includes(invariant)) {
      this.ignoredFailures[invariant] = (this.ignoredFailures[invariant] ?? 0) + 1;
      return;
    }
    throw new Violation(invariant, message, this.now);
  }

  private topicConfig(topic: string) {
    return this.plan.scenario.topics?.find((t) => t.name === topic)?.config ?? {};
  }

  /**
   * No acknowledged acks=all record may be lost on this topic: replication factor and
   * min.insync.replicas both >= 2 (so the effective min ISR is >= 2) and no unclean election
   * [3.9 item 2, 1.3].
   */
  private durable(topic: string): boolean {
    const spec = this.plan.scenario.topics?.find((t) => t.name === topic);
    if (!spec) return false;
    const minIsr = Number(this.topicConfig(topic)['min.insync.replicas'] ?? 1);
    return (
      Math.min(minIsr, spec.replicationFactor) >= 2 &&
      this.topicConfig(topic)['unclean.leader.election.enable'] !== true &&
      !this.uncleanTopics.has(topic)
    );
  }

  /** Safety invariants that follow from the event stream alone; called for every event. */
  onEvent(e: SimEvent): void {
    this.now = e.t;
    switch (e.type) {
      case 'controller.changed': {
        // At most one active controller per epoch, and epochs only go up [4.1, 4.2].
        if (e.controllerId === null) return;
        const known = this.controllerOfEpoch.get(e.epoch);
        if (known !== undefined && known !== e.controllerId)
          this.fail(
            'one-controller-per-epoch',
            `epoch ${e.epoch} has controllers ${known} and ${e.controllerId}`,
          );
        if (known === undefined && e.epoch <= this.lastControllerEpoch)
          this.fail(
            'controller-epoch-increases',
            `controller ${e.controllerId} took epoch ${e.epoch} after epoch ${this.lastControllerEpoch}`,
          );
        this.controllerOfEpoch.set(e.epoch, e.controllerId);
        this.lastControllerEpoch = Math.max(this.lastControllerEpoch, e.epoch);
        return;
      }
      case 'partition.leader-elected': {
        // At most one leader per partition per leader epoch, and epochs only go up [3.1, 4.2].
        const tp = tpOf(e.topic, e.partition);
        const key = `${tp}#${e.leaderEpoch}`;
        const known = this.leaderOfEpoch.get(key);
        if (known !== undefined && known !== e.leader)
          this.fail(
            'one-leader-per-epoch',
            `${tp} epoch ${e.leaderEpoch} has leaders ${known} and ${e.leader}`,
          );
        const last = this.lastEpoch.get(tp) ?? -1;
        if (e.leaderEpoch <= last && known === undefined)
          this.fail(
            'leader-epoch-increases',
            `${tp} elected epoch ${e.leaderEpoch} after epoch ${last}`,
          );
        this.leaderOfEpoch.set(key, e.leader);
        this.lastEpoch.set(tp, Math.max(last, e.leaderEpoch));
        if (e.unclean) this.uncleanTopics.add(e.topic);
        if (!e.isr.includes(e.leader))
          this.fail(
            'leader-in-isr',
            `${tp} epoch ${e.leaderEpoch}: leader ${e.leader} not in ISR ${JSON.stringify(e.isr)}`,
          );
        this.electedSinceCheck.add(tp);
        return;
      }
      case 'hw.advanced': {
        const tp = tpOf(e.topic, e.partition);
        const epoch = this.lastEpoch.get(tp);
        if (epoch !== undefined && this.leaderOfEpoch.get(`${tp}#${epoch}`) === e.brokerId)
          this.actingLeaders.add(`${tp}#${epoch}#${e.brokerId}`);
        this.maxHw.set(tp, Math.max(this.maxHw.get(tp) ?? 0, e.highWatermark));
        return;
      }
      case 'record.acked': {
        this.ackedValues.add(e.value);
        if (e.offset < 0) return; // acks=0: no offset known
        const tp = tpOf(e.topic, e.partition);
        const list = this.acked.get(tp) ?? [];
        list.push({
          offset: e.offset,
          key: e.key,
          value: e.value,
          acks: this.plan.producerAcks[e.producerId] ?? '?',
        });
        this.acked.set(tp, list);
        return;
      }
      case 'record.failed': {
        this.lastErrors.set(e.value, { error: e.error, retriable: e.retriable });
        // send() gets its answer within delivery.timeout.ms, in flight or not; a record that
        // never got the topic's metadata fails after max.block.ms instead [1.4].
        const limits = this.plan.producerTimeouts[e.producerId];
        if (e.retriable || !limits) return;
        const limit =
          e.error === 'TIMEOUT_WAITING_FOR_METADATA' ? limits.maxBlockMs : limits.deliveryMs;
        if (e.t - e.sentAt > limit)
          this.fail(
            'fails-within-delivery-timeout',
            `${e.producerId} gave up ${JSON.stringify(e.value)} (${e.error}) ${e.t - e.sentAt} ms after send(), limit ${limit} ms`,
          );
        return;
      }
      case 'record.consumed': {
        // A consumer only reads below the high watermark [3.3, 5.6].
        const tp = tpOf(e.topic, e.partition);
        if (e.offset >= (this.maxHw.get(tp) ?? 0))
          this.fail(
            'consume-below-hw',
            `${e.consumerId} consumed ${tp}@${e.offset} but no leader's HW passed it (max HW ${this.maxHw.get(tp) ?? 0})`,
          );
        const set = this.consumed.get(e.groupId) ?? new Set<string>();
        set.add(`${tp}@${e.offset}=${e.value}`);
        this.consumed.set(e.groupId, set);
        // Consumers only see committed records, and clean elections never rewrite those: every
        // consumer that reads an offset sees the same record there [3.6, 3.9 #4].
        const seen = this.consumedAt.get(tp) ?? new Map<number, string>();
        const before = seen.get(e.offset);
        if (before !== undefined && before !== e.value && !this.uncleanTopics.has(e.topic))
          this.fail(
            'consumed-records-never-change',
            `${tp}@${e.offset} was consumed as ${JSON.stringify(before)} and later as ${JSON.stringify(e.value)}`,
          );
        seen.set(e.offset, e.value);
        this.consumedAt.set(tp, seen);
        if (!e.revoked) this.checkNoSkip(e.groupId, tp, e.offset, e.consumerId);
        return;
      }
      case 'offset.reset':
        // A reset (auto.offset.reset, a truncation) moves the group's frontier; one by a member
        // that lost the partition in a later generation (a zombie) moves nothing.
        if (!this.isLatestOwner(e.groupId, tpOf(e.topic, e.partition), e.consumerId)) return;
        this.frontier.set(`${e.groupId}/${tpOf(e.topic, e.partition)}`, {
          next: e.offset,
          ahead: new Set(),
        });
        // The owner goes on from the reset, so its next commit may be lower than the last one:
        // an OFFSET_OUT_OF_RANGE from a replica that had deleted more (retention runs on each
        // replica) resets to the earliest offset of the leader, which may hold older records
        // (fuzz seed 290). Committed offsets are compared again from here.
        this.committed.delete(`${e.groupId}/${tpOf(e.topic, e.partition)}`);
        return;
      case 'offset.committed': {
        // A committed offset is the next offset to read after records that were below some
        // leader's HW when fetched, so it never exceeds the highest HW the partition has had.
        // (Not the current leader's HW: a new leader's HW may briefly lag, kafka-spec 11.3 #1.)
        const tp = tpOf(e.topic, e.partition);
        const max = this.maxHw.get(tp) ?? 0;
        if (e.offset > max)
          this.fail(
            'committed-below-max-hw',
            `${e.groupId} committed ${tp} offset ${e.offset} above every HW so far (max ${max})`,
          );
        // Generation fencing keeps a group's committed offset from going back: only members of
        // the current generation commit, and each starts from the last commit. Exceptions: an
        // admin reset (consumerId null), the owner's own offset reset (above) and topics with
        // unclean elections (positions reset when the log shrinks under them) [5.2, 5.5].
        const key = `${e.groupId}/${tp}`;
        const previous = this.committed.get(key);
        if (
          e.consumerId !== null &&
          previous !== undefined &&
          e.offset < previous &&
          !this.uncleanTopics.has(e.topic)
        )
          this.fail(
            'committed-never-decreases',
            `${e.consumerId} moved ${e.groupId}'s committed offset of ${tp} back from ${previous} to ${e.offset}`,
          );
        this.committed.set(key, e.offset);
        // An admin reset (kafka-consumer-groups --reset-offsets) is where the group goes on from.
        if (e.consumerId === null) this.frontier.set(key, { next: e.offset, ahead: new Set() });
        return;
      }
      case 'group.rebalance-completed': {
        // One owner per partition per generation [5.2, 6].
        const owners = this.ownersOf(e.groupId, e.generation);
        for (const [member, tps] of Object.entries(e.assignment)) {
          for (const tp of tps) {
            this.claim(owners, e.groupId, e.generation, tp, member);
            this.noteOwner(e.groupId, tp, member, e.generation);
          }
        }
        return;
      }
      case 'consumer.assigned': {
        const owners = this.ownersOf(e.groupId, e.generation);
        for (const tp of e.partitions) {
          this.claim(owners, e.groupId, e.generation, tp, e.consumerId);
          this.noteOwner(e.groupId, tp, e.consumerId, e.generation);
        }
        return;
      }
      default:
        return;
    }
  }

  /**
   * A group reads every offset of a partition from where it last reset: a consumer starts at a
   * committed offset (which only ever covers records the group processed) or at a reset, so
   * consuming an offset above the lowest one the group has not read skips records below the HW
   * without a reset event [5.5, 5.6; KIP-320]. Records processed after their partition was
   * taken away (revoked) are left out: they move no position.
   */
  private checkNoSkip(groupId: string, tp: string, offset: number, consumerId: string): void {
    // A zombie (a member that has not yet learnt that a later generation gave the partition to
    // another) may read on from where it was; that is duplication, not a skip of the group's.
    if (!this.isLatestOwner(groupId, tp, consumerId)) return;
    const key = `${groupId}/${tp}`;
    const f = this.frontier.get(key);
    if (f === undefined) {
      this.frontier.set(key, { next: offset + 1, ahead: new Set() });
      return;
    }
    if (offset > f.next)
      this.fail(
        'no-skip-without-reset',
        `${consumerId} (${groupId}) consumed ${tp}@${offset} but the group never read ${tp}@${f.next}..${offset - 1} and had no reset`,
      );
    if (offset < f.next) return;
    f.ahead.add(offset);
    while (f.ahead.delete(f.next)) f.next++;
  }

  private noteOwner(groupId: string, tp: string, consumerId: string, generation: number): void {
    const key = `${groupId}/${tp}`;
    const latest = this.latestOwner.get(key);
    if (!latest || generation >= latest.generation)
      this.latestOwner.set(key, { consumerId, generation });
  }

  private isLatestOwner(groupId: string, tp: string, consumerId: string | null): boolean {
    const latest = this.latestOwner.get(`${groupId}/${tp}`);
    return !latest || consumerId === null || latest.consumerId === consumerId;
  }

  private ownersOf(groupId: string, generation: number): Map<string, string> {
    const key = `${groupId}#${generation}`;
    let owners = this.owners.get(key);
    if (!owners) {
      owners = new Map();
      this.owners.set(key, owners);
    }
    return owners;
  }

  private claim(
    owners: Map<string, string>,
    groupId: string,
    generation: number,
    tp: string,
    who: string,
  ) {
    const owner = owners.get(tp);
    if (owner !== undefined && owner !== who)
      this.fail(
        'one-owner-per-generation',
        `${groupId} generation ${generation}: ${tp} owned by ${owner} and ${who}`,
      );
    owners.set(tp, who);
  }

  /** Invariants on the cluster's state; called after steps that may have changed it. */
  onState(engine: Engine, view: ClusterView = engine.view()): void {
    this.now = view.now;
    for (const topic of view.topics) {
      const clean = !this.uncleanTopics.has(topic.name);
      for (const p of topic.partitions) {
        const tp = tpOf(p.topic, p.partition);
        for (const r of p.replicaStates) {
          // logStartOffset <= HW <= LEO on every replica (UnifiedLog keeps it so) [3.1, 7].
          if (!(r.logStartOffset <= r.highWatermark && r.highWatermark <= r.logEndOffset))
            this.fail(
              'start<=hw<=leo',
              `${tp} broker ${r.brokerId}: start ${r.logStartOffset}, HW ${r.highWatermark}, LEO ${r.logEndOffset}`,
            );
        }
        // The ISR is a subset of the replicas and, while there is a leader, contains it [3.1].
        if (!p.isr.every((id) => p.replicas.includes(id)))
          this.fail(
            'isr-within-replicas',
            `${tp} ISR ${JSON.stringify(p.isr)} not within replicas ${JSON.stringify(p.replicas)}`,
          );
        if (p.leader < 0) continue;
        if (!p.isr.includes(p.leader))
          this.fail(
            'leader-in-isr',
            `${tp} leader ${p.leader} not in ISR ${JSON.stringify(p.isr)}`,
          );
        const leader = view.brokers.find((b) => b.id === p.leader)!;
        const replica = p.replicaStates.find((r) => r.brokerId === p.leader)!;
        // Until the elected broker hears of its election it is still a follower, whose HW follows
        // the old leader's answers and may go down [3.3]; it acts as leader of the epoch once it
        // advances the HW itself.
        const acting = this.actingLeaders.has(`${tp}#${p.leaderEpoch}#${p.leader}`);
        if (leader.status === 'running' && acting) {
          // A leader's HW never goes back within its epoch (same incarnation of the leader
          // broker; a restart may reload an older checkpoint) [3.3 item 3].
          const key = `${tp}#${p.leaderEpoch}#${p.leader}#${leader.brokerEpoch}`;
          const seen = this.leaderHw.get(key) ?? -1;
          if (replica.highWatermark < seen)
            this.fail(
              'leader-hw-monotonic',
              `${tp} leader ${p.leader} epoch ${p.leaderEpoch}: HW went from ${seen} to ${replica.highWatermark}`,
            );
          this.leaderHw.set(key, replica.highWatermark);
        }
      }
      // With clean elections only, every offset below any HW the partition ever had is on its
      // current leader, so no committed offset is above that leader's log end [3.6, 3.9 #4].
      if (!clean) continue;
      for (const g of view.groups) {
        for (const o of g.offsets) {
          if (o.topic !== topic.name || o.committed === null) continue;
          const p = topic.partitions[o.partition];
          if (p.leader < 0) continue;
          if (o.committed > p.logEndOffset)
            this.fail(
              'committed<=leader-leo',
              `${g.id} committed ${tpOf(o.topic, o.partition)} at ${o.committed} beyond leader ${p.leader}'s LEO ${p.logEndOffset}`,
            );
        }
      }
    }
  }

  /**
   * No acknowledged acks=all record of a durable topic is ever lost: it stays at its offset in
   * the log of the current leader, unless retention deleted it [3.9 item 2, 3.5]. Checked on
   * the partitions that elected a leader since the last check (`all`: every partition).
   */
  checkDurability(engine: Engine, view: ClusterView, all = false): void {
    const tps = all ? [...this.acked.keys()] : [...this.electedSinceCheck];
    this.electedSinceCheck.clear();
    for (const tp of tps) {
      const dash = tp.lastIndexOf('-');
      const topic = tp.slice(0, dash);
      const partition = Number(tp.slice(dash + 1));
      if (!this.durable(topic)) continue;
      const records = (this.acked.get(tp) ?? []).filter((r) => r.acks === 'all');
      if (records.length === 0) continue;
      const p = view.topics.find((t) => t.name === topic)?.partitions[partition];
      if (!p || p.leader < 0) continue;
      const log = new Map<number, { key: string | null; value: string }>();
      for (const r of engine.partitionLog(topic, partition, {
        brokerId: p.leader,
        fromOffset: 0,
        limit: Number.MAX_SAFE_INTEGER,
      }))
        log.set(r.offset, r);
      const start = p.replicaStates.find((r) => r.brokerId === p.leader)!.logStartOffset;
      for (const r of records) {
        if (r.offset < start) continue;
        const found = log.get(r.offset);
        if (!found || found.value !== r.value || found.key !== r.key)
          this.fail(
            'no-acked-record-lost',
            `${tp}@${r.offset} acknowledged (acks=all) as ${JSON.stringify(r.value)}, leader ${p.leader} (epoch ${p.leaderEpoch}) has ${found ? JSON.stringify(found.value) : 'nothing'}`,
          );
      }
    }
  }

  /**
   * Every record a consumer read is still the record at that offset in the leader's log (unless
   * retention deleted it), on topics without unclean elections [3.6, 3.9 #4].
   */
  checkConsumedInLog(engine: Engine, view: ClusterView): void {
    for (const [tp, seen] of this.consumedAt) {
      const dash = tp.lastIndexOf('-');
      const topic = tp.slice(0, dash);
      if (this.uncleanTopics.has(topic)) continue;
      const p = view.topics.find((t) => t.name === topic)?.partitions[Number(tp.slice(dash + 1))];
      if (!p || p.leader < 0) continue;
      const log = new Map<number, string>();
      for (const r of engine.partitionLog(p.topic, p.partition, {
        fromOffset: p.logStartOffset,
        limit: Number.MAX_SAFE_INTEGER,
      }))
        log.set(r.offset, r.value);
      for (const [offset, value] of seen) {
        if (offset < p.logStartOffset) continue;
        if (log.get(offset) !== value)
          this.fail(
            'consumed-records-never-change',
            `${tp}@${offset} was consumed as ${JSON.stringify(value)}, the leader's log now has ${JSON.stringify(log.get(offset) ?? null)}`,
          );
      }
    }
  }

  stats() {
    let acked = 0;
    for (const list of this.acked.values()) acked += list.length;
    let consumed = 0;
    for (const set of this.consumed.values()) consumed += set.size;
    return {
      acked,
      consumed,
      elections: this.leaderOfEpoch.size,
      rebalances: this.owners.size,
    };
  }

  /** Partitions that are offline or miss a replica in their ISR. */
  clusterProblems(view: ClusterView): string[] {
    const problems: string[] = [];
    // With a KRaft quorum, once healed: one active controller, every other voter following it.
    const quorum = view.metadata;
    if (quorum?.mode === 'zookeeper') {
      // In ZooKeeper mode, once healed: a controller, one leading server, the others following.
      if (quorum.activeController === null) problems.push('no controller');
      const roles = quorum.nodes.map((n) => n.role);
      if (roles.filter((r) => r === 'leading').length !== 1 || roles.includes('looking'))
        problems.push(`ZooKeeper servers not settled: ${roles.join(', ')}`);
    } else if (quorum) {
      if (quorum.activeController === null) problems.push('no active controller');
      const strays = quorum.nodes.filter(
        (n) => n.epoch !== quorum.epoch || (n.role !== 'leader' && n.role !== 'follower'),
      );
      if (strays.length > 0)
        problems.push(
          `controllers not following epoch ${quorum.epoch}: ${strays.map((n) => `${n.id} ${n.role} e${n.epoch}`).join(', ')}`,
        );
    }
    for (const topic of view.topics) {
      for (const p of topic.partitions) {
        const tp = tpOf(p.topic, p.partition);
        if (p.leader < 0) problems.push(`${tp} is offline`);
        else if (p.isr.length !== p.replicas.length)
          problems.push(
            `${tp} ISR ${JSON.stringify(p.isr)} of replicas ${JSON.stringify(p.replicas)} (LEOs ${JSON.stringify(p.replicaStates.map((r) => [r.brokerId, r.logEndOffset]))})`,
          );
      }
    }
    return problems;
  }

  /**
   * Liveness after the faults have healed [3.4, 5.2, 5.5]: every partition is online with every
   * replica back in the ISR; every group with running consumers is Stable and has committed
   * up to the high watermark of every partition it reads; and, on topics that never had an
   * unclean election, it has consumed every acknowledged record still in the log. (After an
   * unclean election a group's position may already be past offsets that the new leader
   * refilled; Kafka promises nothing about those.) Returns the problems, empty when it holds.
   */
  livenessProblems(engine: Engine, view: ClusterView = engine.view()): string[] {
    const problems = this.clusterProblems(view);
    const running = view.consumers.filter((c) => c.status !== 'crashed' && c.status !== 'closed');
    for (const g of view.groups) {
      if (!running.some((c) => c.groupId === g.id)) continue;
      if (g.state !== 'Stable') problems.push(`${g.id} is ${g.state} (generation ${g.generation})`);
      for (const o of g.offsets) {
        if ((o.committed ?? 0) !== o.highWatermark)
          problems.push(
            `${g.id} committed ${o.committed} of ${tpOf(o.topic, o.partition)} with HW ${o.highWatermark}`,
          );
      }
      const consumed = this.consumed.get(g.id) ?? new Set<string>();
      for (const topicName of g.topics) {
        if (this.uncleanTopics.has(topicName)) continue;
        const topic = view.topics.find((t) => t.name === topicName)!;
        for (const p of topic.partitions) {
          const tp = tpOf(p.topic, p.partition);
          const acked = this.acked.get(tp) ?? [];
          if (acked.length === 0 || p.leader < 0) continue;
          const log = new Map<number, string>();
          for (const r of engine.partitionLog(p.topic, p.partition, {
            fromOffset: p.logStartOffset,
            limit: Number.MAX_SAFE_INTEGER,
          }))
            log.set(r.offset, r.value);
          const missing = acked.filter(
            (r) => log.get(r.offset) === r.value && !consumed.has(`${tp}@${r.offset}=${r.value}`),
          );
          if (missing.length > 0)
            problems.push(
              `${g.id} never consumed ${missing.length} acknowledged record(s) of ${tp}, first at ${missing[0].offset}`,
            );
        }
      }
    }
    return problems;
  }
}
