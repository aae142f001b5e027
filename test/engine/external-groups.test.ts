// A real consumer's group requests at the coordinator (issue 14, plan step 5): the group is made
// on its first JoinGroup, as Kafka makes it; the member id starts with the client's id; the
// coordinator picks an assignor every member supports, gives the leader each member's
// subscription as sent and each member the assignment its leader sent; commits and fetches of
// offsets work for a group nobody has used.
import { describe, expect, it } from 'vitest';
import type { ExternalAnswer, ExternalGroupBodies, Scenario } from '../../src/engine';
import { answerTo, open } from './externalClient';
import { Run, scenario } from './helpers';

function cluster(parts: Partial<Scenario> = {}): Scenario {
  return scenario({
    seed: 9,
    preset: 'kafka-defaults',
    cluster: { brokers: 3, config: { 'group.initial.rebalance.delay.ms': 100 } },
    topics: [{ name: 'orders', partitions: 2, replicationFactor: 3 }],
    ...parts,
  });
}

type Body<K extends keyof ExternalGroupBodies> = Omit<ExternalGroupBodies[K], 'reqId'>;

let nextReqId = 1;
function ask<K extends keyof ExternalGroupBodies>(
  run: Run,
  conn: string,
  kind: K,
  body: Body<K>,
  out: ExternalAnswer[],
): Record<string, unknown> {
  const reqId = nextReqId++;
  run.do({
    type: 'externalRequest',
    conn,
    clientId: 'billing-app',
    request: { kind, body: { ...body, reqId } } as never,
  });
  return answerTo(run, conn, reqId, out) as Record<string, unknown>;
}

/** The coordinator of `groupId`, found as a client finds it. */
function coordinatorOf(run: Run, groupId: string, out: ExternalAnswer[]): number {
  open(run, 'seed', 1, out);
  for (let i = 0; i < 20; i++) {
    const a = ask(run, 'seed', 'find-coordinator', { groupId }, out);
    if (a.error === null) return a.coordinator as number;
    run.to(run.engine.now + 200);
  }
  throw new Error('no coordinator');
}

const join = (memberId: string, protocols: { name: string; metadata: string }[]) => ({
  groupId: 'billing',
  memberId,
  sessionTimeoutMs: 30_000,
  rebalanceTimeoutMs: 10_000,
  topics: ['orders'],
  protocols,
});

describe('a real consumer group at the coordinator', () => {
  it('is made on the first JoinGroup; ids start with the client id; the vote and the bytes', () => {
    const run = new Run(cluster());
    run.to(2_000);
    const out: ExternalAnswer[] = [];
    const coordinator = coordinatorOf(run, 'billing', out);
    expect(run.engine.view().groups.some((g) => g.id === 'billing')).toBe(false);
    open(run, 'a', coordinator, out);
    open(run, 'b', coordinator, out);

    // First join: a member id to come back with (KIP-394), starting with the client id.
    const first = ask(run, 'a', 'join-group', join('', []), out);
    expect(first.error).toBe('MEMBER_ID_REQUIRED');
    expect(first.memberId).toMatch(/^billing-app-[0-9a-f]{8}$/);
    expect(run.all('group.added').map((e) => e.groupId)).toEqual(['billing']);

    // Two members: a prefers RoundRobin, b only speaks Range and Sticky; both speak Range.
    const memberA = first.memberId as string;
    const memberB = ask(run, 'b', 'join-group', join('', []), out).memberId as string;
    run.do({
      type: 'externalRequest',
      conn: 'a',
      request: {
        kind: 'join-group',
        body: {
          ...join(memberA, [
            { name: 'RoundRobinAssigner', metadata: 'AAE=' },
            { name: 'range', metadata: 'AAI=' },
          ]),
          reqId: 900,
        },
      },
    });
    const answerB = ask(
      run,
      'b',
      'join-group',
      join(memberB, [
        { name: 'range', metadata: 'AAM=' },
        { name: 'sticky', metadata: 'AAQ=' },
      ]),
      out,
    );
    const answerA = answerTo(run, 'a', 900, out) as Record<string, unknown>;
    expect(answerA).toMatchObject({ error: null, protocol: 'range', generation: 1 });
    expect(answerB).toMatchObject({ error: null, protocol: 'range', generation: 1 });
    const leader = answerA.leader as string;
    const leaderAnswer = leader === memberA ? answerA : answerB;
    // The leader reads each member's subscription for the chosen assignor, as the member sent it.
    expect(
      (leaderAnswer.members as { memberId: string; metadata: string }[])
        .map((m) => [m.memberId, m.metadata])
        .sort(),
    ).toEqual(
      [
        [memberA, 'AAI='],
        [memberB, 'AAM='],
      ].sort(),
    );

    // The leader's assignment reaches each member as sent; the engine shows it decoded.
    const follower = leader === memberA ? memberB : memberA;
    const connOf = (m: string) => (m === memberA ? 'a' : 'b');
    run.do({
      type: 'externalRequest',
      conn: connOf(follower),
      request: {
        kind: 'sync-group',
        body: {
          groupId: 'billing',
          generation: 1,
          memberId: follower,
          assignments: null,
          reqId: 901,
        },
      },
    });
    const leaderSync = ask(
      run,
      connOf(leader),
      'sync-group',
      {
        groupId: 'billing',
        generation: 1,
        memberId: leader,
        assignments: { [leader]: ['orders-0'], [follower]: ['orders-1'] },
        assignmentBytes: { [leader]: 'AAU=', [follower]: 'AAY=' },
      },
      out,
    );
    expect(leaderSync).toMatchObject({
      error: null,
      assignment: ['orders-0'],
      assignmentBytes: 'AAU=',
    });
    expect(answerTo(run, connOf(follower), 901, out)).toMatchObject({
      error: null,
      assignment: ['orders-1'],
      assignmentBytes: 'AAY=',
    });
    expect(run.all('group.rebalance-completed').at(-1)).toMatchObject({
      groupId: 'billing',
      protocol: 'range',
      assignment: { [leader]: ['orders-0'], [follower]: ['orders-1'] },
    });
    const view = run.engine.view().groups.find((g) => g.id === 'billing')!;
    expect(view).toMatchObject({ state: 'Stable', topics: ['orders'], protocol: 'range' });
  });

  it('refuses a member that shares no assignor with the group', () => {
    const run = new Run(cluster());
    run.to(2_000);
    const out: ExternalAnswer[] = [];
    const coordinator = coordinatorOf(run, 'billing', out);
    open(run, 'a', coordinator, out);
    open(run, 'b', coordinator, out);
    const a = ask(run, 'a', 'join-group', join('', []), out).memberId as string;
    run.do({
      type: 'externalRequest',
      conn: 'a',
      request: {
        kind: 'join-group',
        body: { ...join(a, [{ name: 'range', metadata: '' }]), reqId: 950 },
      },
    });
    answerTo(run, 'a', 950, out);
    const b = ask(run, 'b', 'join-group', join('', []), out).memberId as string;
    expect(
      ask(run, 'b', 'join-group', join(b, [{ name: 'sticky', metadata: '' }]), out),
    ).toMatchObject({
      error: 'INCONSISTENT_GROUP_PROTOCOL',
    });
  });

  it('answers offsets of a group nobody has used, and makes it on a commit outside a generation', () => {
    const run = new Run(cluster());
    run.to(2_000);
    const out: ExternalAnswer[] = [];
    const coordinator = coordinatorOf(run, 'audit', out);
    open(run, 'a', coordinator, out);
    expect(
      ask(run, 'a', 'offset-fetch', { groupId: 'audit', partitions: ['orders-0'] }, out),
    ).toMatchObject({ error: null, offsets: { 'orders-0': -1 } });
    expect(
      ask(run, 'a', 'heartbeat', { groupId: 'audit', generation: 1, memberId: 'x' }, out),
    ).toMatchObject({ error: 'UNKNOWN_MEMBER_ID' });
    expect(run.engine.view().groups.some((g) => g.id === 'audit')).toBe(false);
    expect(
      ask(
        run,
        'a',
        'offset-commit',
        {
          groupId: 'audit',
          generation: -1,
          memberId: '',
          offsets: [{ topic: 'orders', partition: 1, offset: 0 }],
        },
        out,
      ),
    ).toMatchObject({ error: null });
    // Every committed partition when no list is given.
    expect(
      ask(run, 'a', 'offset-fetch', { groupId: 'audit', partitions: null }, out),
    ).toMatchObject({
      offsets: { 'orders-1': 0 },
    });
  });
});
