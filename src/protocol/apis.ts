// The APIs and versions this broker serves: exactly those KafkaJS 2.2.4 uses (kafka-spec 9.2),
// each with its request and response codec. ApiVersions advertises this table, so a client
// negotiates min(its max, our max) and only ever sends versions listed here.
import type { Codec } from './codec';
import {
  ApiVersionsRequestV0,
  ApiVersionsResponseV0,
  ApiVersionsResponseV1,
  type ApiVersion,
  type ApiVersionsRequest,
  type ApiVersionsResponse,
} from './messages/apiVersions';
import {
  CreateTopicsRequestV3,
  CreateTopicsResponseV3,
  type CreateTopicsRequest,
  type CreateTopicsResponse,
} from './messages/createTopics';
import {
  DeleteTopicsRequestV1,
  DeleteTopicsResponseV1,
  type DeleteTopicsRequest,
  type DeleteTopicsResponse,
} from './messages/deleteTopics';
import {
  DescribeGroupsRequestV2,
  DescribeGroupsResponseV2,
  type DescribeGroupsRequest,
  type DescribeGroupsResponse,
} from './messages/describeGroups';
import {
  FetchRequestV11,
  FetchResponseV11,
  type FetchRequest,
  type FetchResponse,
} from './messages/fetch';
import {
  FindCoordinatorRequestV2,
  FindCoordinatorResponseV2,
  type FindCoordinatorRequest,
  type FindCoordinatorResponse,
} from './messages/findCoordinator';
import {
  HeartbeatRequestV3,
  HeartbeatResponseV3,
  type HeartbeatRequest,
  type HeartbeatResponse,
} from './messages/heartbeat';
import {
  InitProducerIdRequestV1,
  InitProducerIdResponseV1,
  type InitProducerIdRequest,
  type InitProducerIdResponse,
} from './messages/initProducerId';
import {
  JoinGroupRequestV5,
  JoinGroupResponseV5,
  type JoinGroupRequest,
  type JoinGroupResponse,
} from './messages/joinGroup';
import {
  LeaveGroupRequestV3,
  LeaveGroupResponseV3,
  type LeaveGroupRequest,
  type LeaveGroupResponse,
} from './messages/leaveGroup';
import {
  ListGroupsRequestV2,
  ListGroupsResponseV2,
  type ListGroupsRequest,
  type ListGroupsResponse,
} from './messages/listGroups';
import {
  ListOffsetsRequestV3,
  ListOffsetsResponseV3,
  type ListOffsetsRequest,
  type ListOffsetsResponse,
} from './messages/listOffsets';
import {
  MetadataRequestV6,
  MetadataResponseV6,
  type MetadataRequest,
  type MetadataResponse,
} from './messages/metadata';
import {
  OffsetCommitRequestV5,
  OffsetCommitResponseV5,
  type OffsetCommitRequest,
  type OffsetCommitResponse,
} from './messages/offsetCommit';
import {
  OffsetFetchRequestV4,
  OffsetFetchResponseV4,
  type OffsetFetchRequest,
  type OffsetFetchResponse,
} from './messages/offsetFetch';
import {
  ProduceRequestV7,
  ProduceResponseV7,
  type ProduceRequest,
  type ProduceResponse,
} from './messages/produce';
import {
  SaslHandshakeRequestV0,
  SaslHandshakeResponseV0,
  type SaslHandshakeRequest,
  type SaslHandshakeResponse,
} from './messages/saslHandshake';
import {
  SyncGroupRequestV3,
  SyncGroupResponseV3,
  type SyncGroupRequest,
  type SyncGroupResponse,
} from './messages/syncGroup';

/** Request bodies by API name (Kafka's names; FindCoordinator was once GroupCoordinator). */
export interface RequestBodies {
  Produce: ProduceRequest;
  Fetch: FetchRequest;
  ListOffsets: ListOffsetsRequest;
  Metadata: MetadataRequest;
  OffsetCommit: OffsetCommitRequest;
  OffsetFetch: OffsetFetchRequest;
  FindCoordinator: FindCoordinatorRequest;
  JoinGroup: JoinGroupRequest;
  Heartbeat: HeartbeatRequest;
  LeaveGroup: LeaveGroupRequest;
  SyncGroup: SyncGroupRequest;
  DescribeGroups: DescribeGroupsRequest;
  ListGroups: ListGroupsRequest;
  SaslHandshake: SaslHandshakeRequest;
  ApiVersions: ApiVersionsRequest;
  CreateTopics: CreateTopicsRequest;
  DeleteTopics: DeleteTopicsRequest;
  InitProducerId: InitProducerIdRequest;
}

export interface ResponseBodies {
  Produce: ProduceResponse;
  Fetch: FetchResponse;
  ListOffsets: ListOffsetsResponse;
  Metadata: MetadataResponse;
  OffsetCommit: OffsetCommitResponse;
  OffsetFetch: OffsetFetchResponse;
  FindCoordinator: FindCoordinatorResponse;
  JoinGroup: JoinGroupResponse;
  Heartbeat: HeartbeatResponse;
  LeaveGroup: LeaveGroupResponse;
  SyncGroup: SyncGroupResponse;
  DescribeGroups: DescribeGroupsResponse;
  ListGroups: ListGroupsResponse;
  SaslHandshake: SaslHandshakeResponse;
  ApiVersions: ApiVersionsResponse;
  CreateTopics: CreateTopicsResponse;
  DeleteTopics: DeleteTopicsResponse;
  InitProducerId: InitProducerIdResponse;
}

export type ApiName = keyof RequestBodies;

export interface VersionCodecs<Req, Res> {
  request: Codec<Req>;
  response: Codec<Res>;
}

export interface ApiSpec<Req, Res> {
  apiKey: number;
  /** Codecs by version number; the served range is min..max of these keys. */
  versions: Readonly<Record<number, VersionCodecs<Req, Res>>>;
}

export type ApiTable = { readonly [N in ApiName]: ApiSpec<RequestBodies[N], ResponseBodies[N]> };

export const APIS: ApiTable = {
  Produce: {
    apiKey: 0,
    versions: { 7: { request: ProduceRequestV7, response: ProduceResponseV7 } },
  },
  Fetch: { apiKey: 1, versions: { 11: { request: FetchRequestV11, response: FetchResponseV11 } } },
  ListOffsets: {
    apiKey: 2,
    versions: { 3: { request: ListOffsetsRequestV3, response: ListOffsetsResponseV3 } },
  },
  Metadata: {
    apiKey: 3,
    versions: { 6: { request: MetadataRequestV6, response: MetadataResponseV6 } },
  },
  OffsetCommit: {
    apiKey: 8,
    versions: { 5: { request: OffsetCommitRequestV5, response: OffsetCommitResponseV5 } },
  },
  OffsetFetch: {
    apiKey: 9,
    versions: { 4: { request: OffsetFetchRequestV4, response: OffsetFetchResponseV4 } },
  },
  FindCoordinator: {
    apiKey: 10,
    versions: { 2: { request: FindCoordinatorRequestV2, response: FindCoordinatorResponseV2 } },
  },
  JoinGroup: {
    apiKey: 11,
    versions: { 5: { request: JoinGroupRequestV5, response: JoinGroupResponseV5 } },
  },
  Heartbeat: {
    apiKey: 12,
    versions: { 3: { request: HeartbeatRequestV3, response: HeartbeatResponseV3 } },
  },
  LeaveGroup: {
    apiKey: 13,
    versions: { 3: { request: LeaveGroupRequestV3, response: LeaveGroupResponseV3 } },
  },
  SyncGroup: {
    apiKey: 14,
    versions: { 3: { request: SyncGroupRequestV3, response: SyncGroupResponseV3 } },
  },
  DescribeGroups: {
    apiKey: 15,
    versions: { 2: { request: DescribeGroupsRequestV2, response: DescribeGroupsResponseV2 } },
  },
  ListGroups: {
    apiKey: 16,
    versions: { 2: { request: ListGroupsRequestV2, response: ListGroupsResponseV2 } },
  },
  SaslHandshake: {
    apiKey: 17,
    versions: {
      0: { request: SaslHandshakeRequestV0, response: SaslHandshakeResponseV0 },
      1: { request: SaslHandshakeRequestV0, response: SaslHandshakeResponseV0 },
    },
  },
  ApiVersions: {
    apiKey: 18,
    versions: {
      0: { request: ApiVersionsRequestV0, response: ApiVersionsResponseV0 },
      1: { request: ApiVersionsRequestV0, response: ApiVersionsResponseV1 },
      2: { request: ApiVersionsRequestV0, response: ApiVersionsResponseV1 },
    },
  },
  CreateTopics: {
    apiKey: 19,
    versions: { 3: { request: CreateTopicsRequestV3, response: CreateTopicsResponseV3 } },
  },
  DeleteTopics: {
    apiKey: 20,
    versions: { 1: { request: DeleteTopicsRequestV1, response: DeleteTopicsResponseV1 } },
  },
  InitProducerId: {
    apiKey: 22,
    versions: { 1: { request: InitProducerIdRequestV1, response: InitProducerIdResponseV1 } },
  },
};

export const API_NAMES = Object.keys(APIS) as ApiName[];

const NAME_BY_KEY = new Map<number, ApiName>(API_NAMES.map((name) => [APIS[name].apiKey, name]));

export function apiNameForKey(apiKey: number): ApiName | undefined {
  return NAME_BY_KEY.get(apiKey);
}

/** Codecs for one API at one version, or undefined if that version is not served. */
export function codecsFor<N extends ApiName>(
  apiName: N,
  apiVersion: number,
): VersionCodecs<RequestBodies[N], ResponseBodies[N]> | undefined {
  const spec: ApiSpec<RequestBodies[N], ResponseBodies[N]> = APIS[apiName];
  return Object.prototype.hasOwnProperty.call(spec.versions, apiVersion)
    ? spec.versions[apiVersion]
    : undefined;
}

/** Codecs for a version this layer serves; encoding anything else is a programming error. */
export function requireCodecs<N extends ApiName>(
  apiName: N,
  apiVersion: number,
): VersionCodecs<RequestBodies[N], ResponseBodies[N]> {
  const codecs = codecsFor(apiName, apiVersion);
  if (codecs === undefined) throw new RangeError(`${apiName} v${apiVersion} is not served`);
  return codecs;
}

export function versionRange(apiName: ApiName): { minVersion: number; maxVersion: number } {
  const versions = Object.keys(APIS[apiName].versions).map(Number);
  return { minVersion: Math.min(...versions), maxVersion: Math.max(...versions) };
}

/** The ApiVersions table this broker advertises, ordered by API key as Kafka lists it. */
export function supportedApiVersions(): ApiVersion[] {
  return API_NAMES.map((name) => ({ apiKey: APIS[name].apiKey, ...versionRange(name) })).sort(
    (a, b) => a.apiKey - b.apiKey,
  );
}
