import { describe, expect, it } from 'vitest';
import {
  assignWithDetails,
  kafkaJsRoundRobinAssign,
  type AssignorMember,
  type AssignorName,
} from '../../src/engine/kernels';
import { loadVectors } from './vectors';

interface AssignorCase {
  id: string;
  assignor: string;
  source: { repo: string; test: string };
  partitionsPerTopic: Record<string, number>;
  members: AssignorMember[];
  expected: Record<string, string[]>;
  expectedPartitionsTransferringOwnership?: Record<string, string>;
  listOrderSignificant?: boolean;
  topicsOrder?: string[];
  note?: string;
}
interface KafkaJsCase {
  id: string;
  partitionsPerTopic: Record<string, number>;
  topicsOrder: string[];
  members: { memberId: string }[];
  expected: Record<string, Record<string, number[]>>;
}

const cases = loadVectors<AssignorCase[]>('assignors.json');

function expectAssignment(
  actual: Record<string, string[]>,
  expected: Record<string, string[]>,
  orderSignificant: boolean,
): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [member, partitions] of Object.entries(expected)) {
    if (orderSignificant) expect(actual[member], member).toEqual(partitions);
    else expect([...actual[member]].sort(), member).toEqual([...partitions].sort());
  }
}

/** The vector's assignor field names one assignor, two joined by '|', or KafkaJS's. */
function javaAssignorsOf(c: AssignorCase): AssignorName[] {
  const names = c.assignor.split('|');
  const known: AssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];
  for (const n of names) if (!known.includes(n as AssignorName)) throw new Error(`unknown ${n}`);
  return names as AssignorName[];
}

describe('assignors.json', () => {
  it('every case is exercised below', () => {
    for (const c of cases) {
      if (c.assignor !== 'kafkajs RoundRobinAssigner')
        expect(javaAssignorsOf(c).length).toBeGreaterThan(0);
    }
  });

  for (const c of cases.filter((x) => x.assignor !== 'kafkajs RoundRobinAssigner')) {
    for (const assignor of javaAssignorsOf(c)) {
      describe(`${c.id} ${assignor} (${c.source.test})`, () => {
        const ordered = c.listOrderSignificant === true;
        const transfers = c.expectedPartitionsTransferringOwnership ?? {};

        if (assignor !== 'cooperative-sticky') {
          it('assigns as Java does', () => {
            const { assignment } = assignWithDetails(assignor, c.members, c.partitionsPerTopic);
            expectAssignment(assignment, c.expected, ordered);
          });
        } else {
          // First cooperative round: the sticky target minus the partitions that move from one
          // owner to another (they stay unassigned until their owner has revoked them).
          it('first round withholds the partitions transferring ownership', () => {
            const { assignment } = assignWithDetails(assignor, c.members, c.partitionsPerTopic);
            const firstRound: Record<string, string[]> = {};
            for (const [member, list] of Object.entries(c.expected)) {
              firstRound[member] = list.filter((tp) => transfers[tp] !== member);
            }
            expectAssignment(assignment, firstRound, ordered);
          });

          // Follow-up rebalance: everyone reports what the first round gave it; the freed
          // partitions are assigned and the result is the vector's expected state.
          it('the follow-up round reaches the expected assignment', () => {
            const first = assignWithDetails(assignor, c.members, c.partitionsPerTopic).assignment;
            const second = c.members.map((m) => ({
              ...m,
              ownedPartitions: first[m.memberId],
              generation: (m.generation ?? 0) + 1,
            }));
            const result = assignWithDetails(assignor, second, c.partitionsPerTopic);
            expectAssignment(result.assignment, c.expected, false);
            expect(result.partitionsTransferringOwnership).toEqual({});
          });
        }

        if (c.expectedPartitionsTransferringOwnership !== undefined) {
          it('reports the partitions transferring ownership', () => {
            const details = assignWithDetails(assignor, c.members, c.partitionsPerTopic);
            expect(details.partitionsTransferringOwnership).toEqual(transfers);
          });
        }
      });
    }
  }

  for (const c of cases.filter((x) => x.assignor === 'kafkajs RoundRobinAssigner')) {
    const k = c as unknown as KafkaJsCase;
    it(`${k.id} KafkaJS RoundRobinAssigner`, () => {
      const actual = kafkaJsRoundRobinAssign(k.members, k.topicsOrder, k.partitionsPerTopic);
      const expected: Record<string, string[]> = {};
      for (const [member, byTopic] of Object.entries(k.expected)) {
        expected[member] = k.topicsOrder.flatMap((t) => (byTopic[t] ?? []).map((p) => `${t}-${p}`));
      }
      expectAssignment(actual, expected, false);
    });
  }
});
