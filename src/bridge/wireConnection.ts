// One real client's TCP connection as the bridge sees it: bytes in, engine commands out; the
// engine's answers in, bytes out, in the order the requests came (Kafka answers each connection
// in order). Pure: the Node gateway and the browser's code lab both feed it.
import type { Command, DispatchResult, ExternalAnswer, ExternalRequest } from '../engine';
import {
  apiVersionsResponseBody,
  decodeRequest,
  encodeResponse,
  encodeUnsupportedApiVersionsResponse,
  expectsResponse,
  FrameSplitter,
  refuseSaslHandshake,
  type ApiName,
} from '../protocol';
import {
  metadataRequest,
  metadataResponse,
  type Advertise,
  type EngineMetadataAnswer,
} from './metadata';
import {
  createTopicsRequest,
  createTopicsResponse,
  type EngineCreateTopicsAnswer,
} from './createTopics';
import { deleteTopics } from './deleteTopics';
import { fetchRequest, fetchResponse, type EngineFetchAnswer } from './fetch';
import {
  initProducerIdRequest,
  initProducerIdResponse,
  TRANSACTIONS_REFUSED,
  type EngineInitProducerIdAnswer,
} from './initProducerId';
import {
  listOffsetsRequest,
  listOffsetsResponse,
  type EngineListOffsetsAnswer,
} from './listOffsets';
import { produceRequest, type EngineProduceAnswer } from './produce';
import {
  describeGroups,
  findCoordinator,
  heartbeat,
  joinGroup,
  leaveGroup,
  listGroups,
  offsetCommit,
  offsetFetch,
  syncGroup,
} from './groups';
import type { BridgePlan } from './plan';

/** What the bridge needs of the engine's host: a way to give it commands. */
export interface BridgeHost {
  dispatch(command: Command): DispatchResult;
}

export interface WireOptions {
  advertise: Advertise;
  clusterId: string;
}

/** Bytes to send to the client now, and whether to close the connection after them. */
export interface WireOutput {
  out: Uint8Array[];
  close: boolean;
}

/** Which request an answer is for: what encodeResponse needs besides the body. */
interface Target {
  apiName: ApiName;
  apiVersion: number;
  correlationId: number;
}

const target = ({ apiName, apiVersion, correlationId }: Target): Target => ({
  apiName,
  apiVersion,
  correlationId,
});

interface Pending extends Target {
  /** The encoded response once there is one; answers leave in request order. */
  bytes: Uint8Array | null;
  /** Encodes the engine's answer to this request. */
  encode: ((body: unknown) => Uint8Array) | null;
}

export class WireConnection {
  private readonly splitter = new FrameSplitter();
  private readonly pending: Pending[] = [];
  private closing = false;

  constructor(
    readonly conn: string,
    private readonly host: BridgeHost,
    private readonly options: WireOptions,
  ) {}

  /** Bytes from the client, cut anywhere. */
  receive(chunk: Uint8Array): WireOutput {
    const { frames, error } = this.splitter.push(chunk);
    for (const payload of frames) {
      if (this.closing) break;
      this.request(payload);
    }
    // A frame size Kafka refuses: it closes the connection (framing.ts).
    if (error) this.closing = true;
    return this.flush();
  }

  /** What the engine delivered to this connection. */
  answer(a: ExternalAnswer): WireOutput {
    if (a.kind === 'closed') this.closing = true;
    if (a.kind === 'response') this.response(a.body);
    return this.flush();
  }

  private request(payload: Uint8Array): void {
    const decoded = decodeRequest(payload);
    if (!decoded.ok) {
      const e = decoded.error;
      if (e.action === 'answer-unsupported-version' && e.correlationId !== null) {
        const to = {
          apiName: 'ApiVersions' as const,
          apiVersion: 0,
          correlationId: e.correlationId,
        };
        this.ready(to, encodeUnsupportedApiVersionsResponse(e.correlationId));
        return;
      }
      this.closing = true;
      return;
    }
    const req = decoded.value;
    const to = target(req);
    switch (req.apiName) {
      case 'ApiVersions':
        return this.ready(to, encodeResponse(req, apiVersionsResponseBody()));
      case 'SaslHandshake':
        return this.ready(to, encodeResponse(req, refuseSaslHandshake()));
      case 'Metadata': {
        const request = metadataRequest(req.correlationId, req.clientId ?? '', req.body);
        const { advertise, clusterId } = this.options;
        return this.toEngine(req, request, (body) =>
          encodeResponse(req, metadataResponse(body as EngineMetadataAnswer, advertise, clusterId)),
        );
      }
      case 'CreateTopics':
        return this.toEngine(req, createTopicsRequest(req.correlationId, req.body), (body) =>
          encodeResponse(req, createTopicsResponse(body as EngineCreateTopicsAnswer)),
        );
      case 'DeleteTopics':
        return this.follow(req, deleteTopics(req.correlationId, req.body), (r) =>
          encodeResponse(req, r),
        );
      case 'Produce': {
        const plan = produceRequest(req.correlationId, req.body);
        const encode = (body: unknown) =>
          encodeResponse(req, plan.respond(body as EngineProduceAnswer | null));
        // acks=0: no answer is sent; a refused partition closes the connection instead (Kafka).
        if (!expectsResponse(req)) {
          if (plan.anyRefused) this.closing = true;
          if (plan.request !== null) this.dispatch(plan.request, req.clientId);
          return;
        }
        if (plan.request === null) return this.ready(to, encode(null));
        return this.toEngine(req, plan.request, encode);
      }
      case 'Fetch':
        return this.toEngine(req, fetchRequest(req.correlationId, req.body), (body) =>
          encodeResponse(req, fetchResponse(body as EngineFetchAnswer)),
        );
      case 'ListOffsets':
        return this.toEngine(req, listOffsetsRequest(req.correlationId, req.body), (body) =>
          encodeResponse(req, listOffsetsResponse(body as EngineListOffsetsAnswer)),
        );
      case 'FindCoordinator': {
        const plan = findCoordinator(req.correlationId, req.body, this.options.advertise);
        return this.follow(req, plan, (r) => encodeResponse(req, r));
      }
      case 'JoinGroup':
        return this.follow(req, joinGroup(req.correlationId, req.body), (r) =>
          encodeResponse(req, r),
        );
      case 'SyncGroup':
        return this.follow(req, syncGroup(req.correlationId, req.body), (r) =>
          encodeResponse(req, r),
        );
      case 'Heartbeat':
        return this.follow(req, heartbeat(req.correlationId, req.body), (r) =>
          encodeResponse(req, r),
        );
      case 'LeaveGroup':
        return this.follow(req, leaveGroup(req.correlationId, req.body), (r) =>
          encodeResponse(req, r),
        );
      case 'OffsetCommit':
        return this.follow(req, offsetCommit(req.correlationId, req.body), (r) =>
          encodeResponse(req, r),
        );
      case 'ListGroups':
        return this.follow(req, listGroups(req.correlationId), (r) => encodeResponse(req, r));
      case 'DescribeGroups':
        return this.follow(req, describeGroups(req.correlationId, req.body), (r) =>
          encodeResponse(req, r),
        );
      case 'OffsetFetch':
        return this.follow(req, offsetFetch(req.correlationId, req.body), (r) =>
          encodeResponse(req, r),
        );
      case 'InitProducerId': {
        const request = initProducerIdRequest(req.correlationId, req.body);
        if (request === null) return this.ready(to, encodeResponse(req, TRANSACTIONS_REFUSED));
        return this.toEngine(req, request, (body) =>
          encodeResponse(req, initProducerIdResponse(body as EngineInitProducerIdAnswer)),
        );
      }
      default:
        // Not served through the engine yet (docs/plan-real-clients.md): Kafka closes a
        // connection on a request it cannot handle, and so does the bridge.
        this.closing = true;
        return;
    }
  }

  /** Answers now, or through the engine, as the plan says. */
  private follow<R>(
    req: Target & { clientId: string | null },
    plan: BridgePlan<R>,
    encode: (response: R) => Uint8Array,
  ): void {
    if ('refuse' in plan) return this.ready(target(req), encode(plan.refuse));
    this.toEngine(req, plan.request, (body) => encode(plan.respond(body)));
  }

  /** Gives the engine a request; false (and the connection closing) if it refuses it. */
  private dispatch(request: ExternalRequest, clientId: string | null): boolean {
    const result = this.host.dispatch({
      type: 'externalRequest',
      conn: this.conn,
      request,
      ...(clientId === null ? {} : { clientId }),
    });
    if (!result.ok) this.closing = true;
    return result.ok;
  }

  private toEngine(
    to: Target & { clientId: string | null },
    request: ExternalRequest,
    encode: Pending['encode'],
  ): void {
    if (this.dispatch(request, to.clientId))
      this.pending.push({ ...target(to), bytes: null, encode });
  }

  private ready(to: Target, bytes: Uint8Array): void {
    this.pending.push({ ...to, bytes, encode: null });
  }

  private response(body: unknown): void {
    const reqId = (body as { reqId?: unknown }).reqId;
    const p = this.pending.find((x) => x.correlationId === reqId && x.bytes === null);
    if (p?.encode) p.bytes = p.encode(body);
  }

  private flush(): WireOutput {
    const out: Uint8Array[] = [];
    while (this.pending.length > 0 && this.pending[0].bytes !== null)
      out.push(this.pending.shift()!.bytes!);
    return { out, close: this.closing };
  }
}
