// The worker protocol of the timeline (design.md 3.7), driven through the real WorkerHost: frames
// say where the play head stands; seek, timeline, undoFork and exportSession requests; a shared
// session loads paused at its play head; old links still load.
import { describe, expect, it } from 'vitest';
import type { ClusterView, Scenario } from '../../src/engine';
import { DEFAULT_SCENARIO, encodeScenarioForUrl } from '../../src/scenario';
import { WorkerHost } from '../../src/worker/host';
import type {
  ExportedSession,
  FrameMessage,
  FromWorker,
  LoadResult,
  ReplyMessage,
  SeekResult,
  SessionDispatchResult,
  TimelineData,
} from '../../src/worker/protocol';

function host() {
  const outbox: FromWorker[] = [];
  const h = new WorkerHost((m) => outbox.push(m));
  let nextId = 1;
  const request = <T>(body: object): { value: T; frame?: FrameMessage } => {
    const id = nextId++;
    outbox.length = 0;
    h.handle({ type: 'request', id, request: body });
    const reply = outbox.find((m): m is ReplyMessage => m.type === 'reply' && m.id === id);
    if (!reply) throw new Error(`no reply: ${JSON.stringify(outbox)}`);
    return {
      value: reply.value as T,
      frame: outbox.find((m): m is FrameMessage => m.type === 'frame'),
    };
  };
  const advance = (to: number): FrameMessage => {
    outbox.length = 0;
    h.handle({ type: 'advance', to, withView: true });
    return outbox[0] as FrameMessage;
  };
  const view = () => request<ClusterView>({ type: 'view' }).value;
  const load = (source: object) => request<LoadResult>({ type: 'load', source });
  return { h, outbox, request, advance, view, load };
}

const broker = (view: ClusterView, id: number) => view.brokers.find((b) => b.id === id)!;

describe('WorkerHost: timeline', () => {
  it('says in every frame where the play head stands in the recording', () => {
    const { load, advance } = host();
    expect(load({ kind: 'default' }).frame?.session).toMatchObject({ position: 0, end: 0 });
    const frame = advance(4000);
    expect(frame.session).toMatchObject({ end: 4000, canUndoFork: false });
    expect(frame.session!.position).toBeGreaterThan(0);
    expect(frame.session!.endPosition).toBe(frame.session!.position);
  });

  it('seeks back before a kill: the broker runs again, and the frame says so', () => {
    const { load, advance, request, view } = host();
    load({ kind: 'default' });
    advance(5000);
    request({ type: 'dispatch', command: { type: 'killBroker', brokerId: 2 } });
    advance(12_000);
    expect(broker(view(), 2).status).toBe('crashed');

    const { value, frame } = request<SeekResult>({
      type: 'seek',
      target: { kind: 'time', at: 4000 },
    });
    expect(value).toMatchObject({ ok: true, now: 4000, markers: [] });
    expect(frame).toMatchObject({ cause: 'seek', now: 4000, events: [] });
    expect(frame!.changes!.brokers.changed.find((b) => b.id === 2)?.status).toBe('running');
    expect(frame!.session).toMatchObject({ end: 12_000 });
    // The messages in the air at 4 s are drawn there.
    expect(frame!.flights.length).toBeGreaterThan(0);
    for (const f of frame!.flights) {
      expect(f.sentAt).toBeLessThanOrEqual(4000);
      expect(f.deliverAt).toBeGreaterThan(4000);
    }
    expect(broker(view(), 2).status).toBe('running');
  });

  it('places every event in the history, and a seek brings the recent past before the play head', () => {
    const { load, advance, request } = host();
    load({ kind: 'default' });
    advance(5000);
    const killed = request<SessionDispatchResult>({
      type: 'dispatch',
      command: { type: 'killBroker', brokerId: 2 },
    }).frame!;
    const played = advance(12_000);
    for (const frame of [killed, played]) {
      expect(frame.places).toHaveLength(frame.events.length);
      for (const place of frame.places!) {
        expect(place.position).toBeLessThanOrEqual(frame.session!.position);
        expect(place.applied).toBeLessThanOrEqual(frame.session!.applied);
      }
    }
    // The command's own events sit after the event before it, with one command applied.
    const applied = killed.events.findIndex((e) => e.type === 'command.applied');
    expect(killed.places![applied]).toEqual({
      position: killed.session!.position,
      applied: 1,
    });

    const { frame } = request<SeekResult>({ type: 'seek', target: { kind: 'time', at: 8000 } });
    expect(frame!.events).toEqual([]);
    const replayed = frame!.replayed!;
    expect(replayed.events.length).toBeGreaterThan(0);
    expect(replayed.places).toHaveLength(replayed.events.length);
    // The recent past up to the play head, in order, nothing after it.
    expect(replayed.events.every((e) => e.t <= 8000)).toBe(true);
    expect(replayed.events.every((e) => e.type !== 'net.sent')).toBe(true);
    const last = replayed.places.at(-1)!;
    expect(last.position).toBeLessThanOrEqual(frame!.session!.position);
    expect(replayed.events.some((e) => e.type === 'broker.stopped')).toBe(true);
    // The same events, at the same places, as when they were played.
    const playedAfterKill = played.events.filter((e) => e.t <= 8000);
    expect(replayed.events.slice(-playedAfterKill.length)).toEqual(playedAfterKill);
  });

  it('answers timeline with the range, the play head and the markers', () => {
    const { load, advance, request } = host();
    load({ kind: 'default' });
    advance(5000);
    request({ type: 'dispatch', command: { type: 'killBroker', brokerId: 1 } });
    advance(30_000);
    request({ type: 'seek', target: { kind: 'time', at: 20_000 } });
    const timeline = request<TimelineData>({ type: 'timeline' }).value;
    expect(timeline).toMatchObject({ start: 0, end: 30_000, now: 20_000, canUndoFork: false });
    expect(timeline.checkpoints.count).toBeGreaterThan(0);
    expect(timeline.markers.find((m) => m.kind === 'command')).toMatchObject({
      at: 5000,
      event: { type: 'command.applied', command: { type: 'killBroker', brokerId: 1 } },
    });
  });

  it('steps back one event, and walks the markers', () => {
    const { load, advance, request, outbox, h } = host();
    load({ kind: 'default' });
    advance(5000);
    outbox.length = 0;
    h.handle({ type: 'step' });
    const stepped = (outbox[0] as FrameMessage).session!.position;
    const back = request<SeekResult>({ type: 'seek', target: { kind: 'stepBack' } });
    expect(back.value).toMatchObject({ ok: true, position: stepped - 1 });
    expect(back.frame?.session?.position).toBe(stepped - 1);
    const previous = request<SeekResult>({
      type: 'seek',
      target: { kind: 'marker', direction: 'previous' },
    });
    expect(previous.value.ok).toBe(true);
    expect(previous.value.markers[0].kind).toBe('rebalance');
    request({ type: 'seek', target: { kind: 'time', at: 0 } });
    expect(request<SeekResult>({ type: 'seek', target: { kind: 'stepBack' } }).value).toMatchObject(
      { ok: false, position: 0 },
    );
  });

  it('forks on a command in the past and undoes the fork', () => {
    const { load, advance, request, view } = host();
    load({ kind: 'default' });
    advance(5000);
    request({ type: 'dispatch', command: { type: 'killBroker', brokerId: 2 } });
    advance(10_000);
    request({ type: 'seek', target: { kind: 'time', at: 3000 } });
    const fork = request<SessionDispatchResult>({
      type: 'dispatch',
      command: { type: 'addBroker' },
    });
    expect(fork.value).toEqual({ ok: true, forked: true });
    expect(fork.frame?.session).toMatchObject({ end: 3000, canUndoFork: true });
    advance(10_000);
    expect(broker(view(), 2).status).toBe('running');
    expect(view().brokers).toHaveLength(4);

    const undo = request<{ ok: boolean }>({ type: 'undoFork' });
    expect(undo.value).toEqual({ ok: true });
    expect(undo.frame).toMatchObject({ cause: 'seek', now: 3000 });
    expect(undo.frame?.session).toMatchObject({ end: 10_000, canUndoFork: false });
    advance(10_000);
    expect(broker(view(), 2).status).toBe('crashed');
    expect(view().brokers).toHaveLength(3);
    expect(request<{ ok: boolean }>({ type: 'undoFork' }).value).toEqual({ ok: false });
  });

  it('exports the session; the link opens paused at the same moment, the same world', () => {
    const a = host();
    a.load({ kind: 'default' });
    a.advance(5000);
    a.h.handle({ type: 'step' });
    a.request({ type: 'dispatch', command: { type: 'killBroker', brokerId: 1 } });
    a.advance(20_000);
    a.request({ type: 'seek', target: { kind: 'time', at: 15_000 } });
    a.h.handle({ type: 'step' });
    const exported = a.request<ExportedSession>({ type: 'exportSession' }).value;
    const here = a.view();
    expect(exported.scenario.playhead).toEqual({
      at: here.now,
      afterSeq: a.request<TimelineData>({ type: 'timeline' }).value.position,
    });
    // Given right after a step: its place in the event order travels as afterSeq.
    expect(exported.scenario.actions).toEqual([
      { type: 'killBroker', brokerId: 1, at: expect.any(Number), afterSeq: expect.any(Number) },
    ]);
    expect(exported.fragment).toMatch(/^scenario=/);

    for (const source of [
      { kind: 'url', fragment: `https://example.org/app/#${exported.fragment}` },
      { kind: 'scenario', scenario: JSON.parse(JSON.stringify(exported.scenario)) },
    ]) {
      const b = host();
      const loaded = b.load(source);
      expect(loaded.value).toMatchObject({ ok: true, playhead: here.now, warnings: [] });
      expect(loaded.frame).toMatchObject({ cause: 'load', now: here.now, events: [] });
      expect(loaded.frame!.flights.length).toBeGreaterThan(0);
      expect(b.view()).toEqual(here);
      // The recorded range and markers came along: the kill is on the timeline.
      const timeline = b.request<TimelineData>({ type: 'timeline' }).value;
      expect(timeline.end).toBe(here.now);
      expect(timeline.markers.some((m) => m.kind === 'command')).toBe(true);
      // And the recording can go back to before the kill.
      b.request({ type: 'seek', target: { kind: 'time', at: 4000 } });
      expect(broker(b.view(), 1).status).toBe('running');
    }
  });

  it('loads an old link (a plain scenario) as before: from the start, no play head', () => {
    const { load } = host();
    const fragment = encodeScenarioForUrl(DEFAULT_SCENARIO, [
      { at: 5000, type: 'killBroker', brokerId: 1 },
    ]);
    const loaded = load({ kind: 'url', fragment });
    expect(loaded.value).toMatchObject({ ok: true, playhead: null, warnings: [] });
    expect(loaded.frame?.now).toBe(0);
  });

  it('replays by time, with a warning, a recording that does not fit this run', () => {
    const { load, view } = host();
    const scenario: Scenario = {
      ...DEFAULT_SCENARIO,
      actions: [{ at: 5000, afterSeq: 3, type: 'killBroker', brokerId: 1 }],
      playhead: { at: 8000 },
    };
    const loaded = load({ kind: 'scenario', scenario });
    expect(loaded.value).toMatchObject({
      ok: true,
      playhead: 8000,
      warnings: [{ code: 'RECORDING_REPLAYED_BY_TIME', field: 'actions[0].afterSeq' }],
    });
    expect(broker(view(), 1).status).toBe('crashed');
  });

  it('refuses a garbled seek with a clear message', () => {
    const { h, outbox, load } = host();
    load({ kind: 'default' });
    outbox.length = 0;
    h.handle({ type: 'request', id: 99, request: { type: 'seek', target: { kind: 'time' } } });
    expect(outbox).toEqual([
      {
        type: 'error',
        message: 'Bad message from the page: seek to a time without a finite sim time >= 0',
        fatal: false,
      },
    ]);
  });
});
