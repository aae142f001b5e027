// The page's view state: what each wire message is (and whether it is drawn), the preferences a
// browser remembers, departed consumers leaving the picture, and badges that clear when their
// condition is gone.
import { describe, expect, it } from 'vitest';
import type { MessageKind, SimEvent } from '../../src/engine';
import { FrameBuffer } from '../../src/app/frameBuffer';
import {
  DEPARTED_FADE_MS,
  DEPARTED_SHOWN_MS,
  departureStage,
  trackDepartures,
} from '../../src/app/departures';
import {
  clampPanelWidth,
  loadPreferences,
  rememberPreferences,
  SIDE_PANEL,
  type PreferenceStorage,
} from '../../src/app/preferences';
import { createSimStore } from '../../src/app/store';
import {
  apiNameOf,
  HIDEABLE_TRAFFIC,
  isShown,
  trafficKindOf,
  type TrafficKind,
} from '../../src/app/traffic';
import type { ConsumerInfo, FrameMessage, GroupInfo } from '../../src/worker/protocol';

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

describe('traffic kinds', () => {
  const kind = (k: MessageKind, recordCount = 0, error?: string): TrafficKind =>
    trafficKindOf({ kind: k, recordCount, error });

  it('sorts every wire message into a kind the legend names', () => {
    expect(kind('produce', 3)).toBe('records');
    expect(kind('fetch-response', 2)).toBe('records');
    expect(kind('replica-fetch-response', 2)).toBe('records');
    expect(kind('produce-response')).toBe('acks');
    expect(kind('replica-fetch')).toBe('replicaFetch');
    expect(kind('replica-fetch-response')).toBe('replicaFetch');
    expect(kind('fetch')).toBe('consumerFetch');
    expect(kind('broker-heartbeat')).toBe('heartbeat');
    expect(kind('heartbeat-response')).toBe('heartbeat');
    expect(kind('metadata-fetch-response')).toBe('metadata');
    expect(kind('broker-registration')).toBe('heartbeat');
    expect(kind('join-group')).toBe('group');
    expect(kind('offset-commit')).toBe('group');
    expect(kind('produce-response', 0, 'NOT_ENOUGH_REPLICAS')).toBe('error');
  });

  it("names each by Kafka's API", () => {
    expect(apiNameOf('replica-fetch')).toBe('Fetch');
    expect(apiNameOf('join-group-response')).toBe('JoinGroup');
    expect(apiNameOf('broker-heartbeat')).toBe('BrokerHeartbeat');
  });

  it('hides the kinds the person hid; records and errors are always drawn', () => {
    expect(isShown('heartbeat', { heartbeat: true }, false)).toBe(false);
    expect(isShown('heartbeat', {}, false)).toBe(true);
    expect(isShown('records', { heartbeat: true }, false)).toBe(true);
    expect(isShown('error', {}, true)).toBe(true);
  });

  it('starts a big cluster with control traffic hidden, unless asked for', () => {
    expect(isShown('heartbeat', {}, true)).toBe(false);
    expect(isShown('heartbeat', { heartbeat: false }, true)).toBe(true);
    expect(isShown('acks', {}, true)).toBe(true);
  });
});

describe('preferences', () => {
  const storage = (
    initial: Record<string, string> = {},
  ): PreferenceStorage & {
    data: Map<string, string>;
  } => {
    const data = new Map(Object.entries(initial));
    return {
      data,
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
    };
  };

  it('are remembered and read back', () => {
    const store = createSimStore();
    const s = storage();
    rememberPreferences(store, s);
    store.setState({
      presenter: true,
      hiddenTraffic: { heartbeat: true },
      sidePanelWidth: 420,
    });
    expect(loadPreferences('', s)).toEqual({
      presenter: true,
      hiddenTraffic: { heartbeat: true },
      sidePanelWidth: 420,
    });
  });

  it('give way to ?presenter= in the address', () => {
    const s = storage({ 'kafka-sim.view': JSON.stringify({ presenter: false }) });
    expect(loadPreferences('?presenter=1', s).presenter).toBe(true);
    expect(loadPreferences('?presenter=0', storage()).presenter).toBe(false);
  });

  it('survive broken or blocked storage', () => {
    expect(loadPreferences('', storage({ 'kafka-sim.view': '{nope' }))).toEqual({});
    expect(loadPreferences('', null)).toEqual({});
    const s = storage({
      'kafka-sim.view': JSON.stringify({ sidePanelWidth: 99999, hiddenTraffic: { bogus: 1 } }),
    });
    expect(loadPreferences('', s)).toEqual({ sidePanelWidth: SIDE_PANEL.max, hiddenTraffic: {} });
    expect(clampPanelWidth(Number.NaN)).toBe(SIDE_PANEL.initial);
  });

  it('cover every kind a learner may hide', () => {
    const hidden = Object.fromEntries(HIDEABLE_TRAFFIC.map((k) => [k, true]));
    const s = storage({ 'kafka-sim.view': JSON.stringify({ hiddenTraffic: hidden }) });
    expect(loadPreferences('', s).hiddenTraffic).toEqual(hidden);
  });
});

describe('departed consumers', () => {
  const group = (generation: number): GroupInfo =>
    ({ id: 'g', consumerIds: ['c1'], topics: ['o'], generation, state: 'Stable' }) as GroupInfo;
  const consumer = (status: ConsumerInfo['status'], generation = 3): ConsumerInfo =>
    ({ id: 'c1', groupId: 'g', status, generation, assignment: [] }) as unknown as ConsumerInfo;

  it('stay a while, fade, then go', () => {
    expect(departureStage(1000, 1000)).toBe('shown');
    expect(departureStage(1000, 1000 + DEPARTED_SHOWN_MS - DEPARTED_FADE_MS)).toBe('fading');
    expect(departureStage(1000, 1000 + DEPARTED_SHOWN_MS)).toBe('gone');
  });

  it('are counted from when they stopped being members, by sim time', () => {
    const store = createSimStore();
    const track = trackDepartures(store);
    store.setState({
      consumerIds: ['c1'],
      consumers: { c1: consumer('crashed') },
      groups: { g: group(3) },
    });
    // Crashed, but still a member until its session times out and the group rebalances.
    track(frame({ now: 5000 }), { confirmedNow: 5000, wall: 0 });
    expect(store.getState().departed).toEqual({});
    store.setState({ groups: { g: group(4) } });
    track(frame({ now: 11_000 }), { confirmedNow: 11_000, wall: 0 });
    expect(store.getState().departed).toEqual({});
    track(frame({ now: 11_000 + DEPARTED_SHOWN_MS }), { confirmedNow: 0, wall: 0 });
    expect(store.getState().departed).toEqual({ c1: 'gone' });
    // Restarted: back in the picture.
    store.setState({ consumers: { c1: consumer('stable', 5) }, groups: { g: group(5) } });
    track(frame({ now: 40_000 }), { confirmedNow: 40_000, wall: 0 });
    expect(store.getState().departed).toEqual({});
  });
});

describe('badges clear when their condition is gone', () => {
  it('a newer state of the same thing replaces the older highlight', () => {
    const buffer = new FrameBuffer();
    buffer.applyFrame(
      frame({ events: [{ t: 1, type: 'broker.stopped', brokerId: 2, mode: 'crash' }] }),
    );
    buffer.applyFrame(
      frame({ events: [{ t: 9, type: 'broker.started', brokerId: 2, restart: true } as SimEvent] }),
    );
    expect(buffer.highlights.map((h) => h.labelKey)).toEqual(['started']);
  });
});
