import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendAsFollower,
  appendAsLeader,
  createMetadataLog,
  endOffsetAndEpoch,
  installSnapshot,
  lastFetchedEpoch,
  logEndOffsetForEpoch,
  read,
  takeSnapshot,
  truncateTo,
  truncateToEndOffset,
  validateFetch,
  validateOffsetAndEpoch,
  type FetchAnswer,
  type MetadataBatch,
  type MetadataLog,
} from '../../src/engine/quorum/metadataLog';
import { isLogUpToDate, majoritySize, quorumHighWatermark } from '../../src/engine/kernels/raft';

// fast-check runs with a seed printed up front: replay a failure with FC_SEED=<seed>.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2147483647;
console.info(
  `fast-check seed ${seed} (replay: FC_SEED=${seed} npx vitest run test/engine/metadata-log)`,
);

/** A log written by successive leaders: [epoch, records] per batch. */
function logOf(...batches: [number, string[]][]): MetadataLog<string> {
  const log = createMetadataLog<string>();
  for (const [epoch, records] of batches) appendAsLeader(log, epoch, records);
  return log;
}

const recordsOf = (batches: readonly MetadataBatch<string>[]) => batches.flatMap((b) => b.records);
const allRecords = (log: MetadataLog<string>) => recordsOf(log.batches);

/** One follower fetch against `leader`, acting on the answer as KafkaRaftClient does. */
function fetchOnce(
  follower: MetadataLog<string>,
  leader: MetadataLog<string>,
  max = 100,
): FetchAnswer<string> {
  const answer = validateFetch(leader, follower.leo, lastFetchedEpoch(follower), max);
  if (answer.kind === 'records') appendAsFollower(follower, answer.batches);
  else if (answer.kind === 'diverging') truncateToEndOffset(follower, answer.divergingEpoch);
  else installSnapshot(follower, answer.snapshotId);
  return answer;
}

describe('appends and reads', () => {
  it('an empty log ends at 0 in epoch 0', () => {
    const log = createMetadataLog<string>();
    expect(endOffsetAndEpoch(log)).toEqual({ epoch: 0, offset: 0 });
    expect(read(log, 0, 10)).toEqual([]);
  });

  it('a leader append returns the new end offset and opens its epoch in the cache', () => {
    const log = createMetadataLog<string>();
    expect(appendAsLeader(log, 1, ['a', 'b'])).toBe(2);
    expect(appendAsLeader(log, 1, ['c'])).toBe(3);
    expect(appendAsLeader(log, 3, ['d', 'e'])).toBe(5);
    expect(log.epochCache).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 3, startOffset: 3 },
    ]);
    expect(log.batches.map((b) => [b.baseOffset, b.epoch])).toEqual([
      [0, 1],
      [2, 1],
      [3, 3],
    ]);
    expect(endOffsetAndEpoch(log)).toEqual({ epoch: 3, offset: 5 });
  });

  it('refuses an older epoch and an empty batch', () => {
    const log = logOf([3, ['a']]);
    expect(() => appendAsLeader(log, 2, ['b'])).toThrow(RangeError);
    expect(() => appendAsLeader(log, 3, [])).toThrow(RangeError);
    expect(log.leo).toBe(1);
  });

  it('reads from inside a batch and stops at the record limit', () => {
    const log = logOf([1, ['a', 'b', 'c']], [2, ['d', 'e']]);
    expect(read(log, 1, 3)).toEqual([
      { baseOffset: 1, epoch: 1, records: ['b', 'c'] },
      { baseOffset: 3, epoch: 2, records: ['d'] },
    ]);
    expect(read(log, 5, 10)).toEqual([]);
    expect(() => read(log, 6, 10)).toThrow(RangeError);
  });

  it('a read does not let the reader change the log', () => {
    const log = logOf([1, ['a', 'b', 'c']]);
    read(log, 1, 10)[0].records.push('x');
    expect(allRecords(log)).toEqual(['a', 'b', 'c']);
  });

  it('a follower skips what it holds and refuses a gap', () => {
    const leader = logOf([1, ['a', 'b']], [2, ['c']]);
    const follower = logOf([1, ['a', 'b']]);
    expect(appendAsFollower(follower, read(leader, 0, 10))).toBe(3);
    expect(allRecords(follower)).toEqual(['a', 'b', 'c']);
    expect(follower.epochCache).toEqual(leader.epochCache);
    expect(() => appendAsFollower(createMetadataLog<string>(), read(leader, 1, 10))).toThrow(
      RangeError,
    );
  });

  it('is plain JSON: a saved log works the same after a round trip', () => {
    const log = logOf([1, ['a', 'b']], [2, ['c']]);
    takeSnapshot(log, 1);
    const copy = JSON.parse(JSON.stringify(log)) as MetadataLog<string>;
    expect(copy).toEqual(log);
    expect(validateFetch(copy, 2, 2, 10)).toEqual(validateFetch(log, 2, 2, 10));
    expect(appendAsLeader(copy, 3, ['d'])).toBe(4);
  });
});

describe('fetch validation (KafkaRaftClient.handleFetchRequest)', () => {
  it('a follower in step gets the records after its fetch offset', () => {
    const leader = logOf([1, ['a', 'b']], [3, ['c', 'd']]);
    expect(validateFetch(leader, 2, 1, 10)).toEqual({
      kind: 'records',
      batches: [{ baseOffset: 2, epoch: 3, records: ['c', 'd'] }],
    });
    expect(validateFetch(leader, 4, 3, 10)).toEqual({ kind: 'records', batches: [] });
  });

  it('a follower with a diverging tail is told where to truncate, then gets the leader records', () => {
    // Epoch 2's leader wrote 'x', 'y', 'z' that never committed; epoch 3's leader did not have
    // them and wrote 'c', 'd', 'e' after the common prefix.
    const leader = logOf([1, ['a', 'b']], [3, ['c', 'd', 'e']]);
    const follower = logOf([1, ['a', 'b']], [2, ['x', 'y', 'z']]);
    const answer = fetchOnce(follower, leader);
    expect(answer).toEqual({ kind: 'diverging', divergingEpoch: { epoch: 1, endOffset: 2 } });
    expect(follower.leo).toBe(2);
    expect(follower.epochCache).toEqual([{ epoch: 1, startOffset: 0 }]);

    expect(fetchOnce(follower, leader).kind).toBe('records');
    expect(allRecords(follower)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(follower.epochCache).toEqual(leader.epochCache);
  });

  it('a follower ahead in the same old epoch truncates to where the leader took over', () => {
    // The old leader of epoch 1 wrote 6 records; the new leader had 4 of them.
    const leader = logOf([1, ['a', 'b', 'c', 'd']], [2, ['L']]);
    const follower = logOf([1, ['a', 'b', 'c', 'd', 'e', 'f']]);
    expect(validateOffsetAndEpoch(leader, 6, 1)).toEqual({
      kind: 'diverging',
      divergingEpoch: { epoch: 1, endOffset: 4 },
    });
    fetchOnce(follower, leader);
    expect(allRecords(follower)).toEqual(['a', 'b', 'c', 'd']);
    fetchOnce(follower, leader);
    expect(allRecords(follower)).toEqual(['a', 'b', 'c', 'd', 'L']);
  });

  it('an epoch the leader never heard of points at the leader log end', () => {
    const leader = logOf([1, ['a', 'b']]);
    expect(logEndOffsetForEpoch(leader, 4)).toEqual({ epoch: 1, offset: 2 });
    expect(validateOffsetAndEpoch(leader, 3, 4)).toEqual({
      kind: 'diverging',
      divergingEpoch: { epoch: 1, endOffset: 2 },
    });
  });

  it('a fetch past the leader end in the latest epoch diverges at the leader end', () => {
    const leader = logOf([1, ['a', 'b']]);
    expect(validateOffsetAndEpoch(leader, 3, 1)).toEqual({
      kind: 'diverging',
      divergingEpoch: { epoch: 1, endOffset: 2 },
    });
  });
});

describe('truncation', () => {
  it('drops records and the epoch-cache entries at or past the offset', () => {
    const log = logOf([1, ['a', 'b']], [2, ['c', 'd']], [4, ['e']]);
    expect(truncateTo(log, 3)).toBe(3);
    expect(allRecords(log)).toEqual(['a', 'b', 'c']);
    expect(log.epochCache).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 2, startOffset: 2 },
    ]);
    expect(lastFetchedEpoch(log)).toBe(2);
    expect(truncateTo(log, 2)).toBe(2);
    expect(log.epochCache).toEqual([{ epoch: 1, startOffset: 0 }]);
  });

  it('past the end changes nothing; into the snapshot throws', () => {
    const log = logOf([1, ['a', 'b', 'c']]);
    expect(truncateTo(log, 9)).toBe(3);
    takeSnapshot(log, 2);
    expect(() => truncateTo(log, 1)).toThrow(RangeError);
    expect(truncateTo(log, 2)).toBe(2);
  });

  it('by a diverging epoch the follower lacks: to the end of its largest earlier epoch', () => {
    const follower = logOf([1, ['a', 'b']], [3, ['c', 'd']]);
    expect(truncateToEndOffset(follower, { epoch: 2, endOffset: 3 })).toBe(2);
  });
});

describe('snapshots', () => {
  it('a snapshot at the HW drops the prefix and keeps the epoch holding the new start', () => {
    const log = logOf([1, ['a', 'b']], [2, ['c', 'd', 'e']], [4, ['f']]);
    expect(takeSnapshot(log, 4)).toEqual({ endOffset: 4, epoch: 2 });
    expect(log.logStartOffset).toBe(4);
    expect(log.batches).toEqual([
      { baseOffset: 4, epoch: 2, records: ['e'] },
      { baseOffset: 5, epoch: 4, records: ['f'] },
    ]);
    expect(log.epochCache).toEqual([
      { epoch: 2, startOffset: 4 },
      { epoch: 4, startOffset: 5 },
    ]);
    expect(read(log, 4, 10).map((b) => b.records)).toEqual([['e'], ['f']]);
    expect(() => read(log, 3, 10)).toThrow(RangeError);
  });

  it('at or below the log start changes nothing; past the end throws', () => {
    const log = logOf([1, ['a', 'b']]);
    expect(takeSnapshot(log, 0)).toBeUndefined();
    expect(takeSnapshot(log, 2)).toEqual({ endOffset: 2, epoch: 1 });
    expect(takeSnapshot(log, 1)).toEqual({ endOffset: 2, epoch: 1 });
    expect(() => takeSnapshot(log, 3)).toThrow(RangeError);
    // Everything was snapshotted: the log is empty but still knows its last epoch.
    expect(endOffsetAndEpoch(log)).toEqual({ epoch: 1, offset: 2 });
  });

  it('a follower below the log start is sent to the snapshot, then catches up', () => {
    const leader = logOf([1, ['a', 'b']], [2, ['c', 'd']]);
    takeSnapshot(leader, 3);
    const behind = logOf([1, ['a']]);
    expect(validateFetch(leader, 1, 1, 10)).toEqual({
      kind: 'snapshot',
      snapshotId: { endOffset: 3, epoch: 2 },
    });
    fetchOnce(behind, leader);
    expect(behind).toMatchObject({ logStartOffset: 3, leo: 3, batches: [] });
    expect(lastFetchedEpoch(behind)).toBe(2);
    expect(fetchOnce(behind, leader).kind).toBe('records');
    expect(allRecords(behind)).toEqual(['d']);
  });

  it('an empty follower gets the snapshot, not the log, whatever the log start', () => {
    const leader = logOf([1, ['a', 'b']]);
    takeSnapshot(leader, 1);
    expect(validateFetch(leader, 0, 0, 10).kind).toBe('snapshot');
  });

  it('at the log start the epoch must be the snapshot epoch', () => {
    const leader = logOf([1, ['a', 'b']], [2, ['c']]);
    takeSnapshot(leader, 2);
    expect(validateOffsetAndEpoch(leader, 2, 1)).toEqual({ kind: 'valid' });
    expect(validateOffsetAndEpoch(leader, 2, 0).kind).toBe('snapshot');
    // An epoch older than the snapshot's is sent to the snapshot even above the log start.
    expect(validateOffsetAndEpoch(leader, 3, 0).kind).toBe('snapshot');
  });

  it('a snapshot behind the log is not installed', () => {
    const log = logOf([3, ['a', 'b', 'c']]);
    expect(installSnapshot(log, { endOffset: 2, epoch: 3 })).toBe(false);
    expect(installSnapshot(log, { endOffset: 1, epoch: 2 })).toBe(false);
    expect(allRecords(log)).toEqual(['a', 'b', 'c']);
  });
});

/** One move of the three-replica models below. */
type Step =
  | { kind: 'append'; count: number }
  | { kind: 'fetch'; replica: number; max: number }
  | { kind: 'elect'; replica: number }
  | { kind: 'snapshot'; replica: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    kind: fc.constant('fetch' as const),
    replica: fc.nat(2),
    max: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant('elect' as const), replica: fc.nat(2) }),
  fc.record({ kind: fc.constant('snapshot' as const), replica: fc.nat(2) }),
);

/**
 * Model: three replicas, leaders change arbitrarily (each election a new, higher epoch whose
 * first record is the leader's LeaderChangeMessage), leaders append, followers fetch. Records
 * are unique strings, so logs can be compared. A follower's fetch loop must end with its log a
 * prefix of the leader's, and no truncation may drop a record the leader also has at that offset.
 */
describe('fetching keeps logs consistent (model)', () => {
  const commonPrefix = (a: string[], b: string[]) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };

  it('holds for random histories', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60, size: 'max' }), (steps) => {
        const replicas = [0, 1, 2].map(() => createMetadataLog<string>());
        // Records below a log start are gone from the log: keep each replica's full history.
        const history: string[][] = [[], [], []];
        let leader = 0;
        let epoch = 1;
        let next = 0;
        const write = (count: number) => {
          const records = Array.from({ length: count }, () => `r${next++}`);
          appendAsLeader(replicas[leader], epoch, records);
          history[leader].push(...records);
        };
        write(1);
        for (const s of steps) {
          if (s.kind === 'append') write(s.count);
          else if (s.kind === 'elect') {
            leader = s.replica;
            epoch += 1;
            write(1);
          } else if (s.kind === 'snapshot') {
            // Only what every replica agrees on is safe to snapshot (a committed prefix).
            const agreed = Math.min(
              ...history.map((h) => commonPrefix(h, history[s.replica])),
              replicas[s.replica].leo,
            );
            takeSnapshot(replicas[s.replica], agreed);
          } else if (s.replica !== leader) {
            const F = replicas[s.replica];
            const L = replicas[leader];
            for (let round = 0; round < 20; round++) {
              const matching = commonPrefix(history[s.replica], history[leader]);
              const answer = fetchOnce(F, L, s.max);
              if (answer.kind === 'diverging') {
                expect(F.leo).toBeGreaterThanOrEqual(matching);
                history[s.replica].length = F.leo;
                continue;
              }
              if (answer.kind === 'snapshot') {
                history[s.replica] = history[leader].slice(0, F.leo);
                continue;
              }
              history[s.replica].push(...recordsOf(answer.batches));
              break;
            }
            const h = history[s.replica];
            expect(h).toEqual(history[leader].slice(0, h.length));
            expect(F.leo).toBe(h.length);
            expect(allRecords(F)).toEqual(h.slice(F.logStartOffset));
          }
        }
      }),
      { seed, numRuns: 200 },
    );
  });
});

/**
 * Model with Raft's rules: a replica becomes leader only with votes from a majority whose logs
 * are not more up to date than its own; the leader's HW follows the commit rule from the fetch
 * offsets it sees; replicas snapshot at the HW they know. Then no committed record is ever lost:
 * every new leader holds the committed prefix, and no follower truncates below its HW. Lagging
 * followers meet the leader's snapshot and catch up through it.
 */
describe('a Raft quorum never loses a committed record (model)', () => {
  it('holds for random histories', () => {
    const seen = { diverging: 0, snapshot: 0, elections: 0, commits: 0 };
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80, size: 'max' }), (steps) => {
        const n = 3;
        const logs = Array.from({ length: n }, () => createMetadataLog<string>());
        const history: string[][] = Array.from({ length: n }, () => []);
        const hw: number[] = Array.from({ length: n }, () => 0);
        let leader = 0;
        let epoch = 1;
        let epochStartOffset = 0;
        let fetched: (number | undefined)[] = [];
        let leaderHw: number | undefined;
        let committed: string[] = [];
        let next = 0;
        const write = (count: number) => {
          const records = Array.from({ length: count }, () => `r${next++}`);
          appendAsLeader(logs[leader], epoch, records);
          history[leader].push(...records);
        };
        const updateHw = () => {
          const ends = fetched.map((o, i) => (i === leader ? logs[leader].leo : o));
          leaderHw = quorumHighWatermark(ends, epochStartOffset, leaderHw);
          if (leaderHw !== undefined && leaderHw > committed.length) {
            committed = history[leader].slice(0, leaderHw);
            hw[leader] = leaderHw;
            seen.commits++;
          }
        };
        const becomeLeader = (r: number) => {
          leader = r;
          epoch += 1;
          epochStartOffset = logs[r].leo;
          fetched = Array.from({ length: n }, () => undefined);
          leaderHw = undefined;
          write(1); // the LeaderChangeMessage
        };
        becomeLeader(0);
        for (const s of steps) {
          if (s.kind === 'append') {
            write(s.count);
            updateHw();
          } else if (s.kind === 'elect') {
            if (s.replica === leader) continue;
            const mine = endOffsetAndEpoch(logs[s.replica]);
            const votes = logs.filter((l) => isLogUpToDate(mine, endOffsetAndEpoch(l))).length;
            if (votes < majoritySize(n)) continue;
            becomeLeader(s.replica);
            seen.elections++;
            // Election safety: the new leader holds everything committed.
            expect(history[leader].slice(0, committed.length)).toEqual(committed);
          } else if (s.kind === 'snapshot') {
            takeSnapshot(logs[s.replica], hw[s.replica]);
          } else if (s.replica !== leader) {
            const r = s.replica;
            const F = logs[r];
            for (let round = 0; round < 20; round++) {
              const fetchOffset = F.leo;
              const answer = fetchOnce(F, logs[leader], s.max);
              if (answer.kind === 'diverging') {
                seen.diverging++;
                expect(F.leo).toBeGreaterThanOrEqual(hw[r]);
                history[r].length = F.leo;
                continue;
              }
              if (answer.kind === 'snapshot') {
                seen.snapshot++;
                history[r] = history[leader].slice(0, F.leo);
                hw[r] = Math.max(hw[r], F.leo);
                continue;
              }
              // The leader counts the fetch offset as the follower's end offset.
              fetched[r] = fetchOffset;
              updateHw();
              history[r].push(...recordsOf(answer.batches));
              hw[r] = Math.max(hw[r], Math.min(leaderHw ?? 0, F.leo));
              break;
            }
            expect(history[r]).toEqual(history[leader].slice(0, history[r].length));
            expect(allRecords(F)).toEqual(history[r].slice(F.logStartOffset));
          }
        }
      }),
      { seed, numRuns: 200 },
    );
    // The model reached the interesting paths.
    expect(seen.diverging).toBeGreaterThan(0);
    expect(seen.snapshot).toBeGreaterThan(0);
    expect(seen.elections).toBeGreaterThan(0);
    expect(seen.commits).toBeGreaterThan(0);
  });
});
