// The admin's view of groups (ListGroups, DescribeGroups), answered by a coordinator from the
// groups it holds, as Kafka's GroupCoordinator does: a broker lists the groups it coordinates; a
// group it does not have is Dead; members' subscriptions and assignments are told only once the
// group is Stable (before that Kafka sends them empty).
import { brokerNode } from '../../sim/ids';
import { coordinatorPartitionKey } from '../../sim/internalTopics';
import type { GroupDescription } from '../../sim/messages';
import type { Sim } from '../../sim/sim';
import type { BrokerState, GroupRecord, Message } from '../../sim/world';

function coordinates(sim: Sim, b: BrokerState, groupId: string): boolean {
  const key = coordinatorPartitionKey(sim.world, groupId);
  return key !== null && b.meta[key]?.leader === b.id;
}

export function handleListGroups(sim: Sim, b: BrokerState, msg: Message<'list-groups'>): void {
  const groups = Object.keys(sim.world.groups).filter((id) => coordinates(sim, b, id));
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'list-groups-response',
    { reqId: msg.body.reqId, error: null, groups },
    { toInc: msg.fromInc },
  );
}

export function handleDescribeGroups(
  sim: Sim,
  b: BrokerState,
  msg: Message<'describe-groups'>,
): void {
  const groups = msg.body.groups.map((groupId): GroupDescription => {
    const empty = { groupId, protocol: '', members: [] };
    if (!coordinates(sim, b, groupId)) return { ...empty, error: 'NOT_COORDINATOR', state: '' };
    const group = sim.world.groups[groupId];
    if (!group) return { ...empty, error: null, state: 'Dead' };
    return describe(group);
  });
  sim.send(
    brokerNode(b.id),
    b.inc,
    msg.from,
    'describe-groups-response',
    { reqId: msg.body.reqId, groups },
    { toInc: msg.fromInc },
  );
}

function describe(group: GroupRecord): GroupDescription {
  const stable = group.state === 'Stable';
  const protocol = stable ? (group.protocol ?? '') : '';
  return {
    groupId: group.id,
    error: null,
    state: group.state,
    protocol,
    members: Object.values(group.members).map((m) => {
      const metadata = stable ? m.protocols?.find((p) => p.name === protocol)?.metadata : undefined;
      return {
        memberId: m.memberId,
        clientId: m.clientId ?? m.consumerId,
        topics: stable ? m.topics : [],
        ...(metadata === undefined ? {} : { metadata }),
        assignment: stable ? m.assignment : [],
        ...(stable && m.assignmentBytes !== undefined
          ? { assignmentBytes: m.assignmentBytes }
          : {}),
      };
    }),
  };
}
