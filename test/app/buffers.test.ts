// The frame buffer (flights interpolated by sim time, highlights that fade while playing) and the
// event log store (filters, merged repeats, throttled announcements).
import { describe, expect, it } from 'vitest';
import {
  FrameBuffer,
  flightProgress,
  HIGHLIGHT_MS,
  type LiveFlight,
} from '../../src/app/frameBuffer';
import { createEventLogStore, MAX_LOG_ENTRIES } from '../../src/app/eventLog';
import { highlightsFor } from '../../src/app/highlights';
import type { SimEvent } from '../../src/engine';
import type { FrameMessage } from '../../src/worker/protocol';

const live = (over: Partial<LiveFlight> = {}): LiveFlight => ({
  id: 1,
  from: 'producer:p',
  to: 'broker:1',
  kind: 'produce',
  sentAt: 1000,
  deliverAt: 1300,
  dropped: false,
  keys: ['a'],
  recordCount: 1,
  merged: 1,
  lostAt: null,
  ...over,
});

function frame(over: Partial<FrameMessage>): FrameMessage {
  return {
    type: 'frame',
    cause: 'advance',
    now: 0,
    nextEventTime: null,
    events: [],
    flights: [],
    lostFlights: [],
    changes: null,
    fast: null,
    ...over,
  };
}

describe('flights', () => {
  it('are placed by sim time between send and delivery', () => {
    const f = live();
    expect(flightProgress(f, 999)).toBeNull();
    expect(flightProgress(f, 1000)?.at).toBe(0);
    expect(flightProgress(f, 1150)?.at).toBeCloseTo(0.5);
    expect(flightProgress(f, 1300)?.at).toBe(1);
    expect(flightProgress(f, 1301)).toBeNull();
  });

  it('stop and fade where they were lost', () => {
    const f = live({ lostAt: 1100 });
    const p = flightProgress(f, 1200)!;
    expect(p.lost).toBe(true);
    expect(p.at).toBeCloseTo(1 / 3);
    expect(p.opacity).toBeLessThan(1);
    expect(flightProgress(live({ dropped: true }), 1200)?.lost).toBe(true);
  });

  it('are dropped from the buffer once delivered', () => {
    const buffer = new FrameBuffer();
    buffer.applyFrame(frame({ flights: [live(), live({ id: 2, deliverAt: 5000 })] }));
    buffer.displayNow = 2000;
    buffer.tick(16, true);
    expect(buffer.flights.map((f) => f.id)).toEqual([2]);
  });
});

describe('highlights', () => {
  const crash: SimEvent = { t: 1, type: 'broker.stopped', brokerId: 2, mode: 'crash' };

  it('come from the events a learner should notice, not from start-up', () => {
    expect(highlightsFor(crash)).toHaveLength(1);
    expect(
      highlightsFor({
        t: 1,
        type: 'partition.leader-elected',
        topic: 'o',
        partition: 0,
        leader: 1,
        previousLeader: -1,
        leaderEpoch: 0,
        isr: [1],
        unclean: false,
        reason: { code: 'new-partition' },
      }),
    ).toEqual([]);
  });

  it('fade while playing and stay put while paused', () => {
    const buffer = new FrameBuffer();
    buffer.applyFrame(frame({ events: [crash] }));
    expect(buffer.highlights).toHaveLength(1);
    buffer.tick(HIGHLIGHT_MS * 2, false);
    expect(buffer.highlights).toHaveLength(1);
    buffer.tick(HIGHLIGHT_MS + 1, true);
    expect(buffer.highlights).toHaveLength(0);
  });
});

describe('event log store', () => {
  const failed = (n: number): SimEvent => ({
    t: n,
    type: 'record.failed',
    producerId: 'p',
    topic: 'o',
    partition: 0,
    key: null,
    value: 'v',
    error: 'NOT_ENOUGH_REPLICAS',
    retriable: true,
    sentAt: 0,
  });

  it('keeps lines by category and hides every-record lines by default', () => {
    const log = createEventLogStore();
    log.append(
      [
        { t: 1, type: 'broker.stopped', brokerId: 1, mode: 'crash' },
        { t: 1, type: 'hw.advanced', topic: 'o', partition: 0, brokerId: 1, highWatermark: 1 },
      ],
      0,
    );
    expect(log.getState().entries.map((e) => e.event.type)).toEqual(['broker.stopped']);
    log.setFilter('records', true);
    log.append(
      [{ t: 2, type: 'hw.advanced', topic: 'o', partition: 0, brokerId: 1, highWatermark: 2 }],
      0,
    );
    expect(log.getState().entries).toHaveLength(2);
  });

  it('merges identical repeats into one line with a count', () => {
    const log = createEventLogStore();
    log.append([failed(1), failed(2), failed(3)], 0);
    expect(log.getState().entries).toHaveLength(1);
    expect(log.getState().entries[0].count).toBe(3);
  });

  it('keeps a bounded number of lines', () => {
    const log = createEventLogStore();
    const events: SimEvent[] = Array.from({ length: MAX_LOG_ENTRIES + 50 }, (_, i) => ({
      t: i,
      type: 'broker.healed',
      brokerId: i,
    }));
    log.append(events, 0);
    expect(log.getState().entries).toHaveLength(MAX_LOG_ENTRIES);
    expect(log.getState().entries.at(-1)?.event.t).toBe(MAX_LOG_ENTRIES + 49);
  });

  it('announces important events at a calm pace, counting the rest', () => {
    const log = createEventLogStore();
    const crash = (id: number): SimEvent => ({
      t: id,
      type: 'broker.stopped',
      brokerId: id,
      mode: 'crash',
    });
    log.append([crash(1)], 0);
    expect(log.getState().announcement?.event).toEqual(crash(1));
    log.append([crash(2)], 100);
    log.append([crash(3)], 200);
    expect(log.getState().announcement?.event).toEqual(crash(1));
    log.append([], 2000);
    expect(log.getState().announcement).toMatchObject({ event: crash(3), more: 1 });
  });
});
