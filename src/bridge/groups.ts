// The group requests of a real consumer (the classic protocol) between the wire and the engine:
// FindCoordinator v2, JoinGroup v5, SyncGroup v3, Heartbeat v3, LeaveGroup v3, OffsetCommit v5,
// OffsetFetch v4. Subscriptions and assignments stay as the client encoded them (the coordinator
// never reads them in Kafka either); the topics and partitions they name are decoded beside them
// so the engine can show the group.
import { base64Decode, base64Encode, parseTopicPartition, type MessageBodies } from '../engine';
import {
  decodeAssignment,
  decodeSubscription,
  encodeAssignment,
  encodeSubscription,
  KafkaErrorCode,
  type DescribeGroupsRequest,
  type DescribeGroupsResponse,
  type FindCoordinatorRequest,
  type FindCoordinatorResponse,
  type HeartbeatRequest,
  type HeartbeatResponse,
  type JoinGroupRequest,
  type JoinGroupResponse,
  type LeaveGroupRequest,
  type ListGroupsResponse,
  type LeaveGroupResponse,
  type OffsetCommitRequest,
  type OffsetCommitResponse,
  type OffsetFetchRequest,
  type OffsetFetchResponse,
  type SyncGroupRequest,
  type SyncGroupResponse,
  type TopicPartitions,
} from '../protocol';
import { errorCode, type Advertise } from './metadata';
import type { BridgePlan } from './plan';

/** Transactions are not modelled: only group coordinators (key type 0) are looked up. */
const GROUP_KEY_TYPE = 0;

export function findCoordinator(
  correlationId: number,
  body: FindCoordinatorRequest,
  advertise: Advertise,
): BridgePlan<FindCoordinatorResponse> {
  const answer = (error: number, nodeId: number): FindCoordinatorResponse => ({
    throttleTimeMs: 0,
    errorCode: error,
    errorMessage: null,
    nodeId,
    ...(nodeId >= 0 ? advertise(nodeId) : { host: '', port: -1 }),
  });
  if (body.keyType !== GROUP_KEY_TYPE)
    return { refuse: answer(KafkaErrorCode.INVALID_REQUEST, -1) };
  return {
    request: { kind: 'find-coordinator', body: { reqId: correlationId, groupId: body.key } },
    respond(a) {
      const { error, coordinator } = a as MessageBodies['find-coordinator-response'];
      return answer(errorCode(error), error === null ? coordinator : -1);
    },
  };
}

export function joinGroup(
  correlationId: number,
  body: JoinGroupRequest,
): BridgePlan<JoinGroupResponse> {
  const refuse = (code: number): { refuse: JoinGroupResponse } => ({
    refuse: {
      throttleTimeMs: 0,
      errorCode: code,
      generationId: -1,
      protocolName: '',
      leader: '',
      memberId: body.memberId,
      members: [],
    },
  });
  if (body.groupId === '') return refuse(KafkaErrorCode.INVALID_GROUP_ID);
  // Only consumer groups are modelled; a member must name at least one assignor.
  if (body.protocolType !== 'consumer' || body.protocols.length === 0)
    return refuse(KafkaErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  const subscription = decodeSubscription(body.protocols[0].metadata);
  return {
    request: {
      kind: 'join-group',
      body: {
        reqId: correlationId,
        groupId: body.groupId,
        memberId: body.memberId,
        sessionTimeoutMs: body.sessionTimeoutMs,
        rebalanceTimeoutMs: body.rebalanceTimeoutMs,
        topics: subscription.ok ? subscription.value.topics : [],
        protocols: body.protocols.map((p) => ({
          name: p.name,
          metadata: base64Encode(p.metadata),
        })),
      },
    },
    respond(a) {
      const answer = a as MessageBodies['join-group-response'];
      return {
        throttleTimeMs: 0,
        errorCode: errorCode(answer.error),
        generationId: answer.generation,
        protocolName: answer.protocol,
        leader: answer.leader,
        memberId: answer.memberId,
        members: answer.members.map((m) => ({
          memberId: m.memberId,
          groupInstanceId: null,
          metadata: subscriptionBytesOf(m),
        })),
      };
    },
  };
}

/** "topic-N" keys, as the engine names partitions. */
function partitionKeys(list: TopicPartitions[]): string[] {
  return list.flatMap((t) => t.partitions.map((p) => `${t.topic}-${p}`));
}

/** Back from "topic-N" keys, grouped by topic in order. */
function topicPartitions(keys: string[]): TopicPartitions[] {
  const out: TopicPartitions[] = [];
  for (const key of keys) {
    const tp = parseTopicPartition(key);
    if (!tp) continue;
    let entry = out.find((t) => t.topic === tp.topic);
    if (!entry) out.push((entry = { topic: tp.topic, partitions: [] }));
    entry.partitions.push(tp.partition);
  }
  return out;
}

export function syncGroup(
  correlationId: number,
  body: SyncGroupRequest,
): BridgePlan<SyncGroupResponse> {
  let assignments: Record<string, string[]> | null = null;
  let assignmentBytes: Record<string, string> | undefined;
  if (body.assignments.length > 0) {
    assignments = {};
    assignmentBytes = {};
    for (const a of body.assignments) {
      const decoded = decodeAssignment(a.assignment);
      assignments[a.memberId] = decoded.ok ? partitionKeys(decoded.value.assignedPartitions) : [];
      assignmentBytes[a.memberId] = base64Encode(a.assignment);
    }
  }
  return {
    request: {
      kind: 'sync-group',
      body: {
        reqId: correlationId,
        groupId: body.groupId,
        generation: body.generationId,
        memberId: body.memberId,
        assignments,
        ...(assignmentBytes ? { assignmentBytes } : {}),
      },
    },
    respond(a) {
      const answer = a as MessageBodies['sync-group-response'];
      const assignment = answer.error !== null ? new Uint8Array(0) : assignmentBytesOf(answer);
      return { throttleTimeMs: 0, errorCode: errorCode(answer.error), assignment };
    },
  };
}

export function heartbeat(
  correlationId: number,
  body: HeartbeatRequest,
): BridgePlan<HeartbeatResponse> {
  return {
    request: {
      kind: 'heartbeat',
      body: {
        reqId: correlationId,
        groupId: body.groupId,
        generation: body.generationId,
        memberId: body.memberId,
      },
    },
    respond: (a) => ({
      throttleTimeMs: 0,
      errorCode: errorCode((a as MessageBodies['heartbeat-response']).error),
    }),
  };
}

/**
 * LeaveGroup v3 names a list of members (KIP-345's batch leave, for static members); KafkaJS
 * sends its own only. The engine's LeaveGroup removes one member: the first listed.
 */
export function leaveGroup(
  correlationId: number,
  body: LeaveGroupRequest,
): BridgePlan<LeaveGroupResponse> {
  const first = body.members[0];
  if (!first)
    return {
      refuse: { throttleTimeMs: 0, errorCode: KafkaErrorCode.INVALID_REQUEST, members: [] },
    };
  return {
    request: {
      kind: 'leave-group',
      body: { reqId: correlationId, groupId: body.groupId, memberId: first.memberId },
    },
    respond(a) {
      const code = errorCode((a as MessageBodies['leave-group-response']).error);
      // A member the group does not know is that member's error; the others are the group's.
      const memberLevel = code === KafkaErrorCode.UNKNOWN_MEMBER_ID;
      return {
        throttleTimeMs: 0,
        errorCode: memberLevel ? KafkaErrorCode.NONE : code,
        members: [
          {
            memberId: first.memberId,
            groupInstanceId: first.groupInstanceId,
            errorCode: memberLevel ? code : KafkaErrorCode.NONE,
          },
        ],
      };
    },
  };
}

export function offsetCommit(
  correlationId: number,
  body: OffsetCommitRequest,
): BridgePlan<OffsetCommitResponse> {
  return {
    request: {
      kind: 'offset-commit',
      body: {
        reqId: correlationId,
        groupId: body.groupId,
        generation: body.generationId,
        memberId: body.memberId,
        offsets: body.topics.flatMap((t) =>
          t.partitions.map((p) => ({
            topic: t.name,
            partition: p.partitionIndex,
            offset: p.committedOffset,
          })),
        ),
      },
    },
    respond(a) {
      // The engine answers the commit as a whole: every partition gets its error.
      const code = errorCode((a as MessageBodies['offset-commit-response']).error);
      return {
        throttleTimeMs: 0,
        topics: body.topics.map((t) => ({
          name: t.name,
          partitions: t.partitions.map((p) => ({
            partitionIndex: p.partitionIndex,
            errorCode: code,
          })),
        })),
      };
    },
  };
}

export function offsetFetch(
  correlationId: number,
  body: OffsetFetchRequest,
): BridgePlan<OffsetFetchResponse> {
  const asked =
    body.topics === null
      ? null
      : body.topics.map((t) => ({ topic: t.name, partitions: t.partitionIndexes }));
  return {
    request: {
      kind: 'offset-fetch',
      body: {
        reqId: correlationId,
        groupId: body.groupId,
        partitions: asked === null ? null : partitionKeys(asked),
      },
    },
    respond(a) {
      const answer = a as MessageBodies['offset-fetch-response'];
      const code = errorCode(answer.error);
      // A group-level error (NOT_COORDINATOR, ...) is told once, with no partitions.
      const listed =
        code !== KafkaErrorCode.NONE ? [] : (asked ?? topicPartitions(Object.keys(answer.offsets)));
      return {
        throttleTimeMs: 0,
        topics: listed.map((t) => ({
          name: t.topic,
          partitions: t.partitions.map((p) => ({
            partitionIndex: p,
            committedOffset: answer.offsets[`${t.topic}-${p}`] ?? -1,
            metadata: '',
            errorCode: KafkaErrorCode.NONE,
          })),
        })),
        errorCode: code,
      };
    },
  };
}

export function listGroups(correlationId: number): BridgePlan<ListGroupsResponse> {
  return {
    request: { kind: 'list-groups', body: { reqId: correlationId } },
    respond(a) {
      const answer = a as MessageBodies['list-groups-response'];
      return {
        throttleTimeMs: 0,
        errorCode: errorCode(answer.error),
        groups: answer.groups.map((groupId) => ({ groupId, protocolType: 'consumer' })),
      };
    },
  };
}

/** Bytes for a member's subscription or assignment: as its client sent them, else encoded. */
function subscriptionBytesOf(m: { topics: string[]; metadata?: string }): Uint8Array {
  if (m.metadata !== undefined) return base64Decode(m.metadata);
  return encodeSubscription({
    version: 0,
    topics: m.topics,
    userData: null,
    ownedPartitions: [],
    generationId: -1,
    rackId: null,
  });
}

function assignmentBytesOf(m: { assignment: string[]; assignmentBytes?: string }): Uint8Array {
  if (m.assignmentBytes !== undefined) return base64Decode(m.assignmentBytes);
  return encodeAssignment({
    version: 0,
    assignedPartitions: topicPartitions(m.assignment),
    userData: null,
  });
}

export function describeGroups(
  correlationId: number,
  body: DescribeGroupsRequest,
): BridgePlan<DescribeGroupsResponse> {
  return {
    request: { kind: 'describe-groups', body: { reqId: correlationId, groups: body.groups } },
    respond(a) {
      const answer = a as MessageBodies['describe-groups-response'];
      return {
        throttleTimeMs: 0,
        groups: answer.groups.map((g) => {
          const stable = g.state === 'Stable';
          return {
            errorCode: errorCode(g.error),
            groupId: g.groupId,
            groupState: g.state,
            protocolType: g.state === 'Dead' || g.error !== null ? '' : 'consumer',
            protocolData: g.protocol,
            members: g.members.map((m) => ({
              memberId: m.memberId,
              clientId: m.clientId,
              clientHost: '/127.0.0.1',
              memberMetadata: stable ? subscriptionBytesOf(m) : new Uint8Array(0),
              memberAssignment: stable ? assignmentBytesOf(m) : new Uint8Array(0),
            })),
          };
        }),
      };
    },
  };
}
