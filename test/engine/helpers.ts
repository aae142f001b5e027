// Small helpers shared by the engine's scenario tests: build scenarios, run the engine, pick
// events by type. Tests assert on events and views only (the engine's public contract).
import { expect } from 'vitest';
import { createEngine, restoreEngine } from '../../src/engine';
import { partitionForKey } from '../../src/engine/kernels';
import type {
  Command,
  Engine,
  PartitionView,
  Scenario,
  SimEvent,
  SimEventType,
} from '../../src/engine';

export type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;

/** A scenario with sensible test defaults; every field can be overridden. */
export function scenario(parts: Partial<Scenario> & Pick<Scenario, 'cluster'>): Scenario {
  return { version: 1, seed: 1, preset: 'classroom', ...parts };
}

/** Run the engine up to `ms` and return the events produced on the way. */
export function runTo(engine: Engine, ms: number): SimEvent[] {
  engine.advanceTo(ms);
  return engine.drainEvents();
}

/** A fresh engine run to `ms`; returns it with every event since t=0. */
export function start(s: Scenario, ms: number): { engine: Engine; events: SimEvent[] } {
  const engine = createEngine(s);
  return { engine, events: runTo(engine, ms) };
}

export function ofType<T extends SimEventType>(events: SimEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type);
}

/** An engine plus every event it produced so far (tests drain nothing behind its back). */
export class Run {
  readonly events: SimEvent[] = [];
  readonly engine: Engine;

  constructor(s: Scenario) {
    this.engine = createEngine(s);
  }

  /** Advance to `ms`; returns the events of this stretch (they are also kept in `events`). */
  to(ms: number): SimEvent[] {
    const stretch = runTo(this.engine, ms);
    for (const e of stretch) this.events.push(e);
    return stretch;
  }

  do(command: Command): this {
    must(this.engine, command);
    return this;
  }

  all<T extends SimEventType>(type: T): EventOf<T>[] {
    return ofType(this.events, type);
  }

  /**
   * Run one scheduled event at a time until `done` holds (checked after each), or fail at
   * `limitMs`. For catching a short-lived moment, such as a group in CompletingRebalance.
   */
  stepUntil(done: (run: this) => boolean, limitMs: number): this {
    while (!done(this)) {
      const next = this.engine.nextEventTime();
      if (next === null || next > limitMs) throw new Error(`not reached by ${limitMs} ms`);
      this.engine.step();
      for (const e of this.engine.drainEvents()) this.events.push(e);
    }
    return this;
  }
}

/** Dispatch a command that must succeed. */
export function must(engine: Engine, command: Command): void {
  const result = engine.dispatch(command);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.error.message}`);
}

export function partitionOf(engine: Engine, topic: string, partition: number): PartitionView {
  const t = engine.view().topics.find((x) => x.name === topic);
  const p = t?.partitions.find((x) => x.partition === partition);
  if (!p) throw new Error(`no partition ${topic}-${partition}`);
  return p;
}

/**
 * Keys that land on the given partition with Kafka's key partitioner (murmur2), so a test can
 * aim records at one partition: `k0`, `k1`, ... filtered by partition.
 */
export function keysFor(partition: number, numPartitions: number, count = 1): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const key = `k${i}`;
    if (partitionForKey(key, numPartitions) === partition) out.push(key);
  }
  return out;
}

/** Events other than network traffic and per-record noise: what a reader of a trace wants. */
export function story(events: SimEvent[]): string[] {
  const noisy = new Set(['net.sent', 'net.dropped', 'hw.advanced', 'record.appended']);
  return events.filter((e) => !noisy.has(e.type)).map((e) => JSON.stringify(e));
}

/** The acknowledged records that the partition's current leader log does not hold as acked. */
export function missingAcked(engine: Engine, acked: EventOf<'record.acked'>[]) {
  return acked.filter((ack) => {
    const [record] = engine.partitionLog(ack.topic, ack.partition, {
      fromOffset: ack.offset,
      limit: 1,
    });
    return (
      !record ||
      record.offset !== ack.offset ||
      record.key !== ack.key ||
      record.value !== ack.value
    );
  });
}

/** Every record of a replica's log (default: the leader's), oldest first. */
export function wholeLog(engine: Engine, topic: string, partition: number, brokerId?: number) {
  return engine.partitionLog(topic, partition, {
    fromOffset: 0,
    limit: Number.MAX_SAFE_INTEGER,
    ...(brokerId !== undefined ? { brokerId } : {}),
  });
}

/**
 * Every controller epoch (KRaft's epoch or ZooKeeper's controller_epoch) has at most one active
 * controller, and epochs only go up.
 */
export function oneControllerPerEpoch(run: Run): void {
  const byEpoch = new Map<number, number>();
  let last = 0;
  for (const e of run.all('controller.changed')) {
    if (e.controllerId === null) continue;
    expect(byEpoch.get(e.epoch) ?? e.controllerId).toBe(e.controllerId);
    byEpoch.set(e.epoch, e.controllerId);
    expect(e.epoch).toBeGreaterThan(last);
    last = e.epoch;
  }
}

/**
 * With the metadata quorum lost nothing in the metadata changes: no new controller, no fencing,
 * no election, no ISR shrink; and acks=all never fails NOT_ENOUGH_REPLICAS (the ISR is never
 * shrunk, so the leader waits and the producer gives up at delivery.timeout.ms).
 */
export function expectMetadataFrozen(events: SimEvent[]): void {
  for (const type of [
    'controller.changed',
    'broker.fenced',
    'partition.leader-elected',
    'isr.shrunk',
  ] as const)
    expect(ofType(events, type)).toEqual([]);
  const failed = ofType(events, 'record.failed');
  expect(failed.filter((e) => e.error.startsWith('NOT_ENOUGH_REPLICAS'))).toEqual([]);
  expect(failed.some((e) => e.error === 'DELIVERY_TIMEOUT')).toBe(true);
}

/**
 * Saved at each of `saveAt` and restored from the JSON, the world runs on to `until` with the same
 * events as a run that was never saved.
 */
export function expectRestoreRunsOn(s: Scenario, saveAt: number[], until: number): void {
  const straight = createEngine(s);
  straight.advanceTo(until);
  const expected = JSON.stringify(straight.drainEvents());
  for (const at of saveAt) {
    const first = createEngine(s);
    first.advanceTo(at);
    const before = first.drainEvents();
    const again = restoreEngine(JSON.parse(JSON.stringify(first.save())));
    again.advanceTo(until);
    expect(JSON.stringify([...before, ...again.drainEvents()])).toBe(expected);
  }
}
