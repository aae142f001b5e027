// Runs one plan: steps the engine one scheduled task at a time, checks the invariants after every
// event, injects the planned faults, then heals everything and waits for liveness. Returns a
// result instead of throwing, with what is needed to understand and replay a failure.
import { LIMITS } from '../../src/engine';
import { createEngine, restoreEngine } from '../../src/engine';
import type { ClusterView, Command, Engine, SimEvent } from '../../src/engine';
import { InvariantChecker, Violation } from './invariants';
import type { Fault, SimPlan } from './plan';
import { TestRng } from './rng';

export interface RunOptions {
  /** Save the engine after this many steps, restore it from JSON and continue on the copy. */
  saveRestoreAtStep?: number;
  /** Check the state invariants after every step (default: only after steps with events). */
  checkEveryStep?: boolean;
  /** Invariants to count instead of failing on, to look past a known bug. */
  ignore?: readonly string[];
  /** Give up (as a failure) after this many steps: an event storm or a livelock. */
  maxSteps?: number;
}

export interface RunFailure {
  invariant: string;
  message: string;
  t: number;
  /** The last events before the failure (no network traffic; the last 30 cluster and group
   * events and the last 10 of any kind), as JSON lines. */
  recent: string[];
}

export interface RunResult {
  seed: number;
  ok: boolean;
  failure?: RunFailure;
  /** FNV-1a of the JSON of every event: equal hashes = byte-identical traces. */
  traceHash: string;
  steps: number;
  events: number;
  simMs: number;
  /** The commands the runner dispatched, resolved from the fault plan: the run's command log. */
  commands: { at: number; command: Command; ok: boolean }[];
  /** How often each ignored invariant would have failed. */
  ignored: Record<string, number>;
  /** What the run exercised. */
  stats: { acked: number; consumed: number; elections: number; rebalances: number };
}

const TRAFFIC = new Set(['net.sent', 'net.dropped']);
/** Per-record events: frequent, so the failure report keeps only the last few of them. */
const PER_RECORD = new Set([
  'record.appended',
  'record.acked',
  'record.consumed',
  'offset.committed',
  'hw.advanced',
  'log.segment-rolled',
]);

class Trace {
  hash = 0x811c9dc5;
  count = 0;
  /** The last cluster and group events (no traffic, no per-record events). */
  readonly story: SimEvent[] = [];
  /** The last events of any kind but traffic. */
  readonly latest: SimEvent[] = [];

  add(e: SimEvent): void {
    const s = JSON.stringify(e);
    let h = this.hash;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    this.hash = h >>> 0;
    this.count++;
    if (TRAFFIC.has(e.type)) return;
    this.latest.push(e);
    if (this.latest.length > 10) this.latest.shift();
    if (PER_RECORD.has(e.type)) return;
    this.story.push(e);
    if (this.story.length > 30) this.story.shift();
  }

  /** The story events, then the latest events not already among them, oldest first. */
  recent(): SimEvent[] {
    const extra = this.latest.filter((e) => !this.story.includes(e));
    return [...this.story, ...extra].sort((a, b) => a.t - b.t);
  }
}

export function runPlan(plan: SimPlan, options: RunOptions = {}): RunResult {
  let engine: Engine = createEngine(plan.scenario);
  const checker = new InvariantChecker(plan, options.ignore);
  const trace = new Trace();
  const pick = new TestRng(plan.seed ^ 0x5eed);
  const commands: RunResult['commands'] = [];
  let steps = 0;

  const absorb = (stateChanged: boolean) => {
    const events = engine.drainEvents();
    let changed = stateChanged;
    for (const e of events) {
      trace.add(e);
      checker.onEvent(e);
      if (!TRAFFIC.has(e.type)) changed = true;
    }
    if (changed || options.checkEveryStep) {
      const view = engine.view();
      checker.onState(engine, view);
      checker.checkDurability(engine, view);
    }
  };

  const maxSteps = options.maxSteps ?? 1_000_000;
  let sameTime = 0;
  let lastTime = -1;
  const stepUntil = (ms: number) => {
    for (;;) {
      const next = engine.nextEventTime();
      if (next === null || next > ms) break;
      engine.step();
      steps++;
      // Liveness of the simulation itself: time must move on, and the work must stay bounded.
      sameTime = next === lastTime ? sameTime + 1 : 0;
      lastTime = next;
      if (sameTime > 100_000)
        throw new Violation('time-advances', `over 100000 steps at t=${next} ms`, next);
      if (steps > maxSteps)
        throw new Violation('bounded-work', `over ${maxSteps} steps by t=${next} ms`, next);
      if (options.saveRestoreAtStep === steps) {
        engine = restoreEngine(JSON.parse(JSON.stringify(engine.save())));
      }
      absorb(false);
    }
    engine.advanceTo(ms);
    absorb(false);
  };

  const dispatch = (command: Command) => {
    const result = engine.dispatch(command);
    commands.push({ at: engine.now, command, ok: result.ok });
    absorb(true);
  };

  try {
    absorb(true);
    for (const fault of plan.faults) {
      stepUntil(fault.at);
      const command = resolveFault(fault, engine.view(), pick);
      if (command) dispatch(command);
    }
    stepUntil(plan.chaosUntil);

    // Liveness: stop producing, heal and restart everything (again at every check, for brokers
    // that were still in a controlled shutdown the first time), and wait until the liveness
    // invariants hold or the time is up. Once the cluster is whole, every producer also sends a
    // probe record: a healed cluster must acknowledge new writes, whatever happened to the
    // producer during the faults. A probe that fails for good (it may have joined an old batch
    // that then expired) is replaced by another.
    const producers = engine.view().producers.map((p) => p.id);
    for (const id of producers) dispatch({ type: 'pauseProducer', producerId: id });
    const probes = new Map<string, string[]>(producers.map((id) => [id, []]));
    const given = (value: string) => checker.lastErrors.get(value)?.retriable === false;
    const deadline = plan.chaosUntil + plan.livenessMaxMs;
    let problems: string[] = ['not checked yet'];
    for (let t = plan.chaosUntil; t + 10_000 <= deadline; t += 10_000) {
      for (const command of healEverything(engine.view())) dispatch(command);
      const whole = checker.clusterProblems(engine.view()).length === 0;
      if (whole || t >= plan.chaosUntil + 60_000) {
        for (const [id, sent] of probes) {
          if (sent.some((v) => checker.ackedValues.has(v))) continue;
          if (sent.length > 0 && !given(sent[sent.length - 1])) continue;
          const value = `probe-${id}-${sent.length}`;
          sent.push(value);
          dispatch({ type: 'produce', producerId: id, key: null, value });
        }
      }
      stepUntil(t + 10_000);
      problems = checker.livenessProblems(engine);
      for (const [id, sent] of probes) {
        if (sent.some((v) => checker.ackedValues.has(v))) continue;
        const last = sent[sent.length - 1];
        const error = last ? checker.lastErrors.get(last) : undefined;
        problems.push(
          `${id}: no probe record acknowledged (${sent.length} sent${error ? `, last ${error.error}` : ''})`,
        );
      }
      if (problems.length === 0) break;
    }
    const view = engine.view();
    checker.checkDurability(engine, view, true);
    checker.checkConsumedInLog(engine, view);
    if (problems.length > 0 && !options.ignore?.includes('liveness'))
      throw new Violation(
        'liveness',
        `${plan.livenessMaxMs / 1000} s after healing: ${problems.slice(0, 5).join('; ')}`,
        engine.now,
      );
    return result(true);
  } catch (e) {
    const failure: RunFailure =
      e instanceof Violation
        ? { invariant: e.invariant, message: e.message, t: e.t, recent: [] }
        : {
            invariant: 'engine-threw',
            message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e),
            t: engine.now,
            recent: [],
          };
    failure.recent = trace.recent().map((x) => JSON.stringify(x));
    return result(false, failure);
  }

  function result(ok: boolean, failure?: RunFailure): RunResult {
    return {
      seed: plan.seed,
      ok,
      ...(failure ? { failure } : {}),
      traceHash: trace.hash.toString(16).padStart(8, '0'),
      steps,
      events: trace.count,
      simMs: engine.now,
      commands,
      ignored: checker.ignoredFailures,
      stats: checker.stats(),
    };
  }
}

const running = (v: ClusterView) => v.brokers.filter((b) => b.status === 'running');
const activeConsumers = (v: ClusterView) =>
  v.consumers.filter((c) => c.status !== 'crashed' && c.status !== 'closed');

/** Turn a fault intent into a command that is valid now, or null if none is. */
export function resolveFault(fault: Fault, v: ClusterView, rng: TestRng): Command | null {
  const down = v.brokers.filter((b) => b.status !== 'running' || b.isolated).length;
  // Never take the last reachable broker: something must stay up to elect and serve.
  const canTakeOne = down < v.brokers.length - 1;
  const healthy = running(v).filter((b) => !b.isolated);
  const either = <T>(items: T[], make: (x: T) => Command): Command | null =>
    items.length > 0 ? make(rng.pick(items)) : null;
  const clients = [
    ...v.producers.map((p) => ({ id: p.id, isolated: p.isolated })),
    ...activeConsumers(v).map((c) => ({ id: c.id, isolated: c.isolated })),
  ];
  switch (fault.kind) {
    case 'crash-broker':
      return canTakeOne ? either(healthy, (b) => ({ type: 'killBroker', brokerId: b.id })) : null;
    case 'stop-broker':
      return canTakeOne ? either(healthy, (b) => ({ type: 'stopBroker', brokerId: b.id })) : null;
    case 'isolate-broker':
      return canTakeOne
        ? either(healthy, (b) => ({ type: 'isolateBroker', brokerId: b.id }))
        : null;
    case 'restart-broker':
      return either(
        v.brokers.filter((b) => b.status !== 'running'),
        (b) => ({ type: 'restartBroker', brokerId: b.id }),
      );
    case 'heal-broker':
      return either(
        v.brokers.filter((b) => b.isolated),
        (b) => ({ type: 'healBroker', brokerId: b.id }),
      );
    case 'isolate-client':
      return either(
        clients.filter((c) => !c.isolated),
        (c) => ({ type: 'isolateClient', clientId: c.id }),
      );
    case 'heal-client':
      return either(
        clients.filter((c) => c.isolated),
        (c) => ({ type: 'healClient', clientId: c.id }),
      );
    case 'add-consumer': {
      const groups = v.groups.filter((g) => g.consumerIds.length < 6);
      return either(groups, (g) => ({ type: 'addConsumer', groupId: g.id }));
    }
    case 'kill-consumer':
      return either(activeConsumers(v), (c) => ({ type: 'killConsumer', consumerId: c.id }));
    case 'close-consumer':
      return either(activeConsumers(v), (c) => ({ type: 'closeConsumer', consumerId: c.id }));
    case 'restart-consumer':
      return either(
        v.consumers.filter((c) => c.status === 'crashed' || c.status === 'closed'),
        (c) => ({ type: 'restartConsumer', consumerId: c.id }),
      );
    case 'slow-consumer':
      return either(activeConsumers(v), (c) => ({
        type: 'setConfig',
        scope: 'consumer',
        id: c.id,
        key: 'sim.processing.ms',
        value: rng.pick([0, 0, 5, 20, 50]),
      }));
    case 'elect-preferred':
      return { type: 'electPreferredLeaders' };
    case 'add-partitions': {
      const topics = v.topics.filter((t) => t.partitions.length < 6);
      return either(topics, (t) => ({ type: 'addPartitions', topic: t.name, count: 1 }));
    }
    case 'add-broker':
      return v.brokers.length < 6 ? { type: 'addBroker' } : null;
    case 'extreme-config':
      return extremeConfig(v, rng);
    case 'crash-controller':
    case 'restart-controller':
    case 'isolate-controller':
    case 'heal-controller':
      return controllerFault(fault.kind, v, rng);
    case 'add-controller':
      // Refused (and recorded so) in combined mode or while another controller joins.
      return { type: 'addController' };
    case 'crash-zookeeper':
    case 'restart-zookeeper':
    case 'isolate-zookeeper':
    case 'heal-zookeeper':
      return zookeeperFault(fault.kind, v, rng);
    case 'add-zookeeper':
      // Refused (and recorded so) while another server joins. Only to ensembles of fewer than
      // five: the brokers list five servers at most, and with five listed their connect timeout
      // (session timeout / 5 = 1.2 s in classroom) is shorter than a session created through a
      // follower (about 1.5 s), so with an added server leading they would never get a session
      // (docs/engine.md): true to ZooKeeper's client, not a liveness bug of the model.
      return v.metadata?.mode === 'zookeeper' && v.metadata.nodes.length < 5
        ? { type: 'addZooKeeper' }
        : null;
  }
}

/** A fault on a ZooKeeper server; any may go, the ensemble's quorum with them. */
function zookeeperFault(
  kind: 'crash-zookeeper' | 'restart-zookeeper' | 'isolate-zookeeper' | 'heal-zookeeper',
  v: ClusterView,
  rng: TestRng,
): Command | null {
  const nodes = v.metadata?.mode === 'zookeeper' ? v.metadata.nodes : [];
  const pickOf = (
    which: (n: (typeof nodes)[number]) => boolean,
    type: 'killZooKeeper' | 'restartZooKeeper' | 'isolateZooKeeper' | 'healZooKeeper',
  ): Command | null => {
    const candidates = nodes.filter(which);
    return candidates.length > 0 ? { type, nodeId: rng.pick(candidates).id } : null;
  };
  switch (kind) {
    case 'crash-zookeeper':
      return pickOf((n) => n.alive, 'killZooKeeper');
    case 'restart-zookeeper':
      return pickOf((n) => !n.alive, 'restartZooKeeper');
    case 'isolate-zookeeper':
      return pickOf((n) => n.alive && !n.isolated, 'isolateZooKeeper');
    case 'heal-zookeeper':
      return pickOf((n) => n.isolated, 'healZooKeeper');
  }
}

/** A fault on a KRaft controller node; any may go, the quorum with them (that is the point). */
function controllerFault(
  kind: 'crash-controller' | 'restart-controller' | 'isolate-controller' | 'heal-controller',
  v: ClusterView,
  rng: TestRng,
): Command | null {
  const nodes = v.metadata?.mode === 'kraft' ? v.metadata.nodes : [];
  const pickOf = (
    which: (n: (typeof nodes)[number]) => boolean,
    type: 'killController' | 'restartController' | 'isolateController' | 'healController',
  ): Command | null => {
    const candidates = nodes.filter(which);
    return candidates.length > 0 ? { type, controllerId: rng.pick(candidates).id } : null;
  };
  switch (kind) {
    case 'crash-controller':
      return pickOf((n) => n.alive, 'killController');
    case 'restart-controller':
      return pickOf((n) => !n.alive, 'restartController');
    case 'isolate-controller':
      return pickOf((n) => n.alive && !n.isolated, 'isolateController');
    case 'heal-controller':
      return pickOf((n) => n.isolated, 'healController');
  }
}

/**
 * Extreme but valid settings (issue 15): timers of 0 ms that must not spin at one instant, and
 * values at the simulator's limits. Each keeps the cluster able to heal (no timeouts of 0).
 */
export function extremeConfig(v: ClusterView, rng: TestRng): Command | null {
  const producer = v.producers.length > 0 ? rng.pick(v.producers).id : null;
  const group = v.groups.length > 0 ? rng.pick(v.groups).id : null;
  const options: Command[] = [
    {
      type: 'setConfig',
      scope: 'broker',
      id: 'cluster',
      key: 'num.partitions',
      value: LIMITS.partitionsPerTopic,
    },
    {
      type: 'setConfig',
      scope: 'broker',
      id: 'cluster',
      key: 'replica.fetch.backoff.ms',
      value: 0,
    },
  ];
  if (producer)
    options.push(
      { type: 'setConfig', scope: 'producer', id: producer, key: 'metadata.max.age.ms', value: 0 },
      { type: 'setConfig', scope: 'producer', id: producer, key: 'retry.backoff.ms', value: 0 },
      { type: 'setConfig', scope: 'producer', id: producer, key: 'linger.ms', value: 0 },
      { type: 'setConfig', scope: 'producer', id: producer, key: 'reconnect.backoff.ms', value: 0 },
    );
  if (group)
    options.push(
      { type: 'setConfig', scope: 'group', id: group, key: 'metadata.max.age.ms', value: 0 },
      { type: 'setConfig', scope: 'group', id: group, key: 'retry.backoff.ms', value: 0 },
      { type: 'setConfig', scope: 'group', id: group, key: 'auto.commit.interval.ms', value: 0 },
    );
  return rng.pick(options);
}

/** The liveness phase's commands: heal and restart everything. */
export function healEverything(v: ClusterView): Command[] {
  const out: Command[] = [];
  const m = v.metadata;
  for (const n of m?.nodes ?? []) {
    if (m?.mode === 'zookeeper') {
      if (n.isolated) out.push({ type: 'healZooKeeper', nodeId: n.id });
      if (!n.alive) out.push({ type: 'restartZooKeeper', nodeId: n.id });
      continue;
    }
    if (n.isolated) out.push({ type: 'healController', controllerId: n.id });
    if (!n.alive) out.push({ type: 'restartController', controllerId: n.id });
  }
  for (const b of v.brokers) {
    if (b.isolated) out.push({ type: 'healBroker', brokerId: b.id });
    if (b.status !== 'running') out.push({ type: 'restartBroker', brokerId: b.id });
  }
  for (const p of v.producers) {
    if (p.isolated) out.push({ type: 'healClient', clientId: p.id });
  }
  for (const c of v.consumers) {
    if (c.isolated) out.push({ type: 'healClient', clientId: c.id });
    if (c.status === 'crashed' || c.status === 'closed')
      out.push({ type: 'restartConsumer', consumerId: c.id });
  }
  return out;
}

/** A failure as text: seed, invariant, message, and the last events. */
export function describeFailure(r: RunResult): string {
  if (!r.failure) return `seed ${r.seed}: ok`;
  const f = r.failure;
  return [
    `seed ${r.seed}: ${f.invariant} violated at t=${f.t} ms`,
    `  ${f.message.split('\n')[0]}`,
    `  replay: npm run fuzz -- --seeds 1 --from ${r.seed} --verbose`,
    `  commands: ${r.commands.map((c) => `${c.at}:${c.command.type}${'brokerId' in c.command ? ` ${c.command.brokerId}` : ''}${'consumerId' in c.command ? ` ${c.command.consumerId}` : ''}${'clientId' in c.command ? ` ${c.command.clientId}` : ''}${'controllerId' in c.command ? ` ${c.command.controllerId}` : ''}${'nodeId' in c.command ? ` zk-${c.command.nodeId}` : ''}`).join(', ')}`,
    `  last events:`,
    ...f.recent.map((line) => `    ${line}`),
  ].join('\n');
}
