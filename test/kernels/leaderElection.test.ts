import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { electLeader, type ElectionInput } from '../../src/engine/kernels';

const alive =
  (...ids: number[]) =>
  (b: number): boolean =>
    ids.includes(b);

const base: ElectionInput = {
  replicas: [1, 2, 3],
  isr: [1, 2, 3],
  currentLeader: 1,
  isAcceptable: alive(1, 2, 3),
  uncleanEnabled: false,
  type: 'online',
};

describe('electLeader', () => {
  it('online keeps a still-valid leader', () => {
    expect(electLeader({ ...base, currentLeader: 2 })).toEqual({
      leader: 2,
      isr: [1, 2, 3],
      unclean: false,
      changed: false,
    });
  });

  it('online replaces a dead leader with the first ISR replica in assignment order', () => {
    expect(electLeader({ ...base, replicas: [1, 3, 2], isAcceptable: alive(2, 3) })).toEqual({
      leader: 3,
      isr: [2, 3],
      unclean: false,
      changed: true,
    });
  });

  it('removes a fenced follower from the ISR without changing the leader', () => {
    expect(electLeader({ ...base, isAcceptable: alive(1, 2) })).toEqual({
      leader: 1,
      isr: [1, 2],
      unclean: false,
      changed: true,
    });
  });

  it('never empties the ISR: the last member keeps its seat, the partition goes offline', () => {
    expect(electLeader({ ...base, isr: [1], isAcceptable: alive(2, 3) })).toEqual({
      leader: -1,
      isr: [1],
      unclean: false,
      changed: true,
    });
  });

  it('does not pick a live replica outside the ISR when unclean election is off', () => {
    const r = electLeader({ ...base, isr: [1], isAcceptable: alive(3) });
    expect(r.leader).toBe(-1);
  });

  it('unclean election takes the first live replica and sets ISR = [it]', () => {
    expect(
      electLeader({ ...base, isr: [1], isAcceptable: alive(2, 3), uncleanEnabled: true }),
    ).toEqual({ leader: 2, isr: [2], unclean: true, changed: true });
  });

  it('unclean is only a last resort', () => {
    const r = electLeader({
      ...base,
      isr: [1, 3],
      isAcceptable: alive(2, 3),
      uncleanEnabled: true,
    });
    expect(r).toMatchObject({ leader: 3, unclean: false, isr: [3] });
  });

  it('an offline partition comes back when an ISR member returns', () => {
    const r = electLeader({ ...base, isr: [1], currentLeader: -1, isAcceptable: alive(1, 2) });
    expect(r).toEqual({ leader: 1, isr: [1], unclean: false, changed: true });
  });

  it('preferred moves leadership to replicas[0] when it is in the ISR', () => {
    expect(electLeader({ ...base, currentLeader: 2, type: 'preferred' })).toMatchObject({
      leader: 1,
      changed: true,
    });
    // replicas[0] alive but out of the ISR: keep the current leader.
    expect(
      electLeader({ ...base, isr: [2, 3], currentLeader: 2, type: 'preferred' }),
    ).toMatchObject({ leader: 2, changed: false });
  });

  it('preferred never elects uncleanly', () => {
    const r = electLeader({
      ...base,
      isr: [1],
      isAcceptable: alive(2),
      uncleanEnabled: true,
      type: 'preferred',
    });
    expect(r).toMatchObject({ leader: -1, unclean: false, isr: [1] });
  });

  it('controlled shutdown moves leadership off the shutting-down broker', () => {
    const r = electLeader({ ...base, isAcceptable: alive(2, 3), type: 'controlled-shutdown' });
    expect(r).toEqual({ leader: 2, isr: [2, 3], unclean: false, changed: true });
  });

  it('property: the leader is -1 or acceptable; a clean leader is in the ISR; ISR never empty', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }),
        fc.func(fc.boolean()),
        fc.boolean(),
        fc.constantFrom('online', 'preferred', 'controlled-shutdown' as const),
        fc.nat(),
        fc.nat(),
        (replicas, acceptable, uncleanEnabled, type, isrMask, leaderPick) => {
          const isr = replicas.filter((_, i) => (isrMask >> i) & 1);
          if (isr.length === 0) isr.push(replicas[0]);
          const currentLeader = leaderPick % 2 ? isr[leaderPick % isr.length] : -1;
          const isAcceptable = (b: number) => acceptable(b);
          const r = electLeader({
            replicas,
            isr,
            currentLeader,
            isAcceptable,
            uncleanEnabled,
            type,
          });
          expect(r.isr.length).toBeGreaterThan(0);
          if (r.leader !== -1) {
            expect(isAcceptable(r.leader)).toBe(true);
            expect(replicas).toContain(r.leader);
            expect(r.isr).toContain(r.leader);
          }
          if (r.unclean) expect(r.isr).toEqual([r.leader]);
          else expect(r.isr.every((b) => isr.includes(b))).toBe(true);
        },
      ),
    );
  });
});
