// The page's maps of entities keyed by user-given names (issue 15): a producer called
// "__proto__" or "constructor" is one more key, and a name that is not there is not found in
// Object.prototype either.
import { describe, expect, it } from 'vitest';
import { initialSimulationState, mergeViewChanges } from '../../src/app/simulationSlice';
import { applyRevocationEvents } from '../../src/app/rebalance';
import type { ProducerInfo, ViewChanges } from '../../src/worker/protocol';

const none = { changed: [], ids: null };
const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

describe('entity maps keyed by names', () => {
  it('keep producers named like Object.prototype members as plain keys', () => {
    const state = initialSimulationState();
    expect(state.producers['toString']).toBeUndefined();
    const changes: ViewChanges = {
      full: false,
      cluster: null,
      brokers: none,
      topics: none,
      partitions: none,
      producers: {
        changed: NAMES.map((id) => ({ id }) as unknown as ProducerInfo),
        ids: NAMES,
      },
      groups: none,
      consumers: none,
    };
    const merged = mergeViewChanges(state, changes);
    expect(Object.keys(merged.producers!)).toEqual(NAMES);
    for (const id of NAMES) expect(merged.producers![id].id).toBe(id);
    expect(Object.getPrototypeOf(merged.producers)).toBeNull();
  });

  it('keep revocations of a consumer called __proto__', () => {
    const next = applyRevocationEvents({}, [
      {
        type: 'consumer.assigned',
        consumerId: '__proto__',
        groupId: 'g',
        generation: 1,
        partitions: [],
        revoked: ['t-0'],
        t: 0,
      } as never,
    ]);
    expect(Object.keys(next)).toEqual(['__proto__']);
  });
});
