// The action registry: one source for buttons, keys and menus.
import { describe, expect, it, vi } from 'vitest';
import {
  ACTIONS,
  actionForKey,
  BROKER_ACTIONS,
  CONSUMER_ACTIONS,
  GROUP_ACTIONS,
  isEnabled,
  labelKeyOf,
  labelParamsOf,
  PRODUCER_ACTIONS,
  type Action,
  type ActionContext,
  type KeyInput,
} from '../../src/app/actions';
import { createSimStore, initialSimState, type SimState } from '../../src/app/store';
import { createI18n } from '../../src/i18n';
import type { BrokerView } from '../../src/worker/protocol';

const all = [
  ...Object.values(ACTIONS),
  ...Object.values(BROKER_ACTIONS),
  ...Object.values(PRODUCER_ACTIONS),
  ...Object.values(CONSUMER_ACTIONS),
  ...Object.values(GROUP_ACTIONS),
] as Action<unknown>[];

const key = (k: string, over: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  targetKind: 'other',
  dialogOpen: false,
  ...over,
});

function broker(id: number, over: Partial<BrokerView> = {}): BrokerView {
  return {
    id,
    rack: null,
    status: 'running',
    isolated: false,
    fenced: false,
    isController: false,
    brokerEpoch: 1,
    metadataOffset: 10,
    leaderOf: [],
    followerOf: [],
    config: [],
    ...over,
  };
}

function readyState(over: Partial<SimState> = {}): SimState {
  return {
    ...initialSimState(),
    status: 'ready',
    brokerIds: [1, 2],
    brokers: { 1: broker(1), 2: broker(2, { status: 'crashed' }) },
    ...over,
  };
}

describe('the registry', () => {
  it('has unique ids and unique shortcut keys', () => {
    const ids = all.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = Object.values(ACTIONS).flatMap((a: Action) => a.shortcut?.keys ?? []);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('labels every action in both languages', () => {
    const state = readyState();
    for (const lang of ['en', 'zh-CN'] as const) {
      const i18n = createI18n(lang);
      for (const action of all) {
        const labelKey = labelKeyOf(action, state, {
          brokerId: 1,
          producerId: 'p',
          consumerId: 'c',
          groupId: 'g',
        });
        expect(i18n.exists(labelKey), `${lang} ${labelKey}`).toBe(true);
        const text = i18n.t(labelKey, labelParamsOf(action, { brokerId: 1 } as never));
        expect(text, labelKey).not.toMatch(/\{\{/);
      }
      for (const action of Object.values(ACTIONS) as Action[]) {
        if (action.shortcut) expect(i18n.exists(`actions.${action.id}`), action.id).toBe(true);
      }
    }
  });

  it('names the per-broker buttons as design.md 3.6 says', () => {
    const t = createI18n('en').t;
    const label = (a: Action<{ brokerId: number }>) =>
      t(labelKeyOf(a, readyState(), { brokerId: 2 }), labelParamsOf(a, { brokerId: 2 }));
    expect(label(BROKER_ACTIONS.kill)).toBe('Kill broker 2');
    expect(label(BROKER_ACTIONS.restart)).toBe('Restart broker 2');
    expect(label(BROKER_ACTIONS.isolate)).toBe('Isolate broker 2');
    expect(
      t('consumer.kill', labelParamsOf(CONSUMER_ACTIONS.kill, { consumerId: 'billing-1' })),
    ).toBe('Kill consumer billing-1');
  });

  it('enables broker actions by the broker state', () => {
    const s = readyState();
    expect(isEnabled(BROKER_ACTIONS.kill, s, { brokerId: 1 })).toBe(true);
    expect(isEnabled(BROKER_ACTIONS.restart, s, { brokerId: 1 })).toBe(false);
    expect(isEnabled(BROKER_ACTIONS.kill, s, { brokerId: 2 })).toBe(false);
    expect(isEnabled(BROKER_ACTIONS.restart, s, { brokerId: 2 })).toBe(true);
    expect(isEnabled(BROKER_ACTIONS.heal, s, { brokerId: 1 })).toBe(false);
    expect(isEnabled(ACTIONS.addBroker, { ...s, status: 'starting' }, undefined)).toBe(false);
  });

  it('labels Play or Pause by the playback state', () => {
    expect(labelKeyOf(ACTIONS.playPause, readyState({ playing: true }), undefined)).toBe(
      'playback.pause',
    );
    expect(labelKeyOf(ACTIONS.playPause, readyState({ playing: false }), undefined)).toBe(
      'playback.play',
    );
  });

  it('sends commands and shows a refusal', async () => {
    const store = createSimStore();
    store.setState(readyState());
    const dispatch = vi.fn().mockResolvedValue({ ok: false, error: { code: 'X', message: 'no' } });
    const ctx: ActionContext = {
      client: {
        dispatch,
        togglePlaying: vi.fn(),
        step: vi.fn(),
        changeSpeed: vi.fn(),
        reset: vi.fn(),
        setPlaying: vi.fn(),
        stepBack: vi.fn(),
        seek: vi.fn(),
        exportSession: vi.fn(),
      },
      store,
      zoom: vi.fn(),
    };
    BROKER_ACTIONS.kill.perform(ctx, { brokerId: 1 });
    await vi.waitFor(() => expect(store.getState().refusal?.error.code).toBe('X'));
    expect(dispatch).toHaveBeenCalledWith({ type: 'killBroker', brokerId: 1 });
    ACTIONS.createTopic.perform(ctx);
    expect(store.getState().dialog).toEqual({ kind: 'createTopic' });
  });
});

describe('keyboard', () => {
  it('maps keys to actions', () => {
    expect(actionForKey(key(' '))?.id).toBe('playPause');
    expect(actionForKey(key('p'))?.id).toBe('playPause');
    expect(actionForKey(key('.'))?.id).toBe('step');
    expect(actionForKey(key(','))?.id).toBe('stepBack');
    expect(actionForKey(key('<'))?.id).toBe('previousEvent');
    expect(actionForKey(key('>'))?.id).toBe('nextEvent');
    expect(actionForKey(key('b'))?.id).toBe('addBroker');
    expect(actionForKey(key('?'))?.id).toBe('shortcuts');
    expect(actionForKey(key('Escape'))?.id).toBe('clearSelection');
  });

  it('leaves typing, Space on a control, open dialogs and modified keys alone', () => {
    expect(actionForKey(key('b', { targetKind: 'text' }))).toBeNull();
    expect(actionForKey(key(' ', { targetKind: 'control' }))).toBeNull();
    expect(actionForKey(key('p', { targetKind: 'control' }))?.id).toBe('playPause');
    expect(actionForKey(key('b', { dialogOpen: true }))).toBeNull();
    expect(actionForKey(key('b', { ctrlKey: true }))).toBeNull();
    expect(actionForKey(key('q'))).toBeNull();
  });
});
