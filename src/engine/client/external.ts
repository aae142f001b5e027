// Real clients (issue 14; docs/plan-real-clients.md): a KafkaJS connection, fed through the
// gateway, is a client node of its own on the simulated network, `external:<conn>`. Opening it is
// a TCP handshake like a built-in producer's (accepted by a running broker process, refused by a
// host whose process is gone, lost across a cut link); its requests travel to the broker as the
// engine's own request kinds, and whatever reaches it (the handshake's outcome, answers, a reset)
// waits in the world's outbox for the gateway (Engine.drainExternal). It has no timers: the real
// client keeps its own timeouts in wall time.
import type {
  ExternalAnswer,
  ExternalCommand,
  ExternalProduceBody,
  ExternalRequest,
} from '../types';
import { decodeClientBatch } from '../records/rawBatch';
import { forgetExternalRequests, noteExternalAnswer, noteExternalRequest } from './externalPicture';
import type { Bodies, ProduceBatch } from '../sim/messages';
import { fail, findBroker, isResult, OK, type Result } from '../commands/results';
import { brokerNode, externalNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { BrokerState, ExternalConnection, Message } from '../sim/world';

/** Connection ids: what the gateway names them (letters, digits, '.', '_', '-'). */
const CONN_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The request kinds a real client's connection may send. */
const EXTERNAL_KINDS: readonly string[] = [
  'metadata',
  'create-topics',
  'delete-topics',
  'produce',
  'fetch',
  'list-offsets',
  'init-producer-id',
  'find-coordinator',
  'join-group',
  'sync-group',
  'heartbeat',
  'leave-group',
  'offset-commit',
  'offset-fetch',
  'list-groups',
  'describe-groups',
];

/** An external connection's incarnation: a reconnect is a new connection, so always the first. */
export const EXTERNAL_INC = 1;

export function applyExternalCommand(sim: Sim, cmd: ExternalCommand): Result {
  if (typeof cmd.conn !== 'string' || !CONN_ID.test(cmd.conn))
    return fail(
      'INVALID_VALUE',
      `conn: a connection id of 1 to 64 letters, digits, '.', '_' or '-', got ${JSON.stringify(cmd.conn)}`,
      'conn',
      { ruleKey: 'idCharacters', got: JSON.stringify(cmd.conn) },
    );
  const w = sim.world;
  const existing = w.externals?.[cmd.conn];
  switch (cmd.type) {
    case 'externalConnect': {
      if (existing)
        return fail('DUPLICATE_ID', `conn: connection "${cmd.conn}" exists`, 'conn', {
          id: cmd.conn,
        });
      const b = findBroker(sim, cmd.brokerId);
      if (isResult(b)) return b;
      const conn: ExternalConnection = {
        id: cmd.conn,
        clientId: typeof cmd.clientId === 'string' ? cmd.clientId.slice(0, 255) : '',
        broker: b.id,
        state: 'connecting',
      };
      (w.externals ??= {})[conn.id] = conn;
      sim.connect(externalNode(conn.id), EXTERNAL_INC, brokerNode(b.id), 0);
      return OK;
    }
    case 'externalRequest': {
      if (!existing || existing.state !== 'open')
        return fail('CONNECTION_NOT_OPEN', `conn: connection "${cmd.conn}" is not open`, 'conn', {
          id: cmd.conn,
        });
      const { request } = cmd;
      // Each request names its client (Kafka's request header); the connection keeps the last.
      if (typeof cmd.clientId === 'string') existing.clientId = cmd.clientId.slice(0, 255);
      const from = externalNode(existing.id);
      const to = brokerNode(existing.broker);
      if (!EXTERNAL_KINDS.includes(request?.kind))
        return fail(
          'UNSUPPORTED_REQUEST',
          `request.kind: one of ${EXTERNAL_KINDS.join(', ')}`,
          'request.kind',
        );
      const body = engineBody(sim, existing, request);
      if (isResult(body)) return body;
      noteExternalRequest(sim, existing, request.kind, body);
      sim.send(from, EXTERNAL_INC, to, request.kind, body);
      return OK;
    }
    case 'externalClose': {
      if (!existing || existing.state === 'closed')
        return fail('CONNECTION_NOT_OPEN', `conn: connection "${cmd.conn}" is not open`, 'conn', {
          id: cmd.conn,
        });
      close(sim, existing, null);
      return OK;
    }
  }
}

/**
 * The engine's body for a real client's request: most travel as the client sent them; these
 * gain what the engine's own kinds carry besides (a request kind is a message kind).
 */
function engineBody(
  sim: Sim,
  conn: ExternalConnection,
  request: ExternalRequest,
): Bodies[ExternalRequest['kind']] | Result {
  switch (request.kind) {
    case 'metadata':
      if (typeof request.body.clientId === 'string')
        conn.clientId = request.body.clientId.slice(0, 255);
      return { ...request.body, clientId: conn.clientId };
    case 'produce':
      return produceBody(sim, conn, request.body);
    case 'fetch':
      // A real consumer's group is not the broker's business on a fetch: no group id.
      return { ...request.body, groupId: '' };
    case 'join-group':
      return {
        ...request.body,
        protocol: request.body.protocols[0]?.name ?? '',
        ownedPartitions: [],
        generation: -1,
        clientId: conn.clientId,
      };
    case 'offset-commit':
      // The classic protocol's v5 carries no leader epoch with an offset.
      return {
        ...request.body,
        offsets: request.body.offsets.map((o) => ({ ...o, leaderEpoch: -1 })),
      };
    default:
      return request.body;
  }
}

/** The name a real client's records carry as their producer: never a built-in producer's. */
export function externalProducerName(clientId: string): string {
  return `ext:${clientId}`;
}

/**
 * The engine's produce request for a real client's: each partition's batch decoded (records as
 * text for the picture, the bytes kept as sent), idempotence fields from the batch header.
 */
function produceBody(
  sim: Sim,
  conn: ExternalConnection,
  body: ExternalProduceBody,
): Bodies['produce'] | Result {
  const producer = externalProducerName(conn.clientId);
  const batches: ProduceBatch[] = [];
  for (const [i, part] of body.partitions.entries()) {
    let decoded;
    try {
      decoded = decodeClientBatch(part.records, producer, sim.now);
    } catch (e) {
      return fail(
        'INVALID_VALUE',
        `request.body.partitions[${i}].records: not a record batch (${(e as Error).message})`,
        `request.body.partitions[${i}].records`,
      );
    }
    batches.push({
      topic: part.topic,
      partition: part.partition,
      records: decoded.records,
      bytes: decoded.bytes,
      pid: decoded.header.producerId,
      producerEpoch: decoded.header.producerEpoch,
      baseSeq: decoded.header.baseSequence,
      raw: decoded.raw,
    });
  }
  return { reqId: body.reqId, acks: body.acks, timeoutMs: body.timeoutMs, producer, batches };
}

/** The connection closed: by the client (no answer), or reset by the broker's host. */
function close(sim: Sim, conn: ExternalConnection, answer: ExternalAnswer | null): void {
  conn.state = 'closed';
  forgetExternalRequests(sim, conn);
  if (answer) tell(sim, answer);
  sim.emit({
    type: 'external.closed',
    conn: conn.id,
    clientId: conn.clientId,
    brokerId: conn.broker,
    reason: { code: answer ? 'broker-reset' : 'client-closed' },
    t: sim.now,
  });
}

function tell(sim: Sim, answer: ExternalAnswer): void {
  (sim.world.externalOutbox ??= []).push(answer);
}

/** The TCP handshake's outcome reached the client. */
export function onExternalHandshake(sim: Sim, conn: ExternalConnection, accepted: boolean): void {
  if (conn.state !== 'connecting') return;
  if (!accepted) {
    conn.state = 'closed';
    tell(sim, { conn: conn.id, kind: 'refused' });
    return;
  }
  conn.state = 'open';
  tell(sim, { conn: conn.id, kind: 'connected' });
  sim.emit({
    type: 'external.connected',
    conn: conn.id,
    clientId: conn.clientId,
    brokerId: conn.broker,
    t: sim.now,
  });
}

/** An answer reached the client: the gateway encodes it. */
export function onExternalMessage(sim: Sim, conn: ExternalConnection, msg: Message): void {
  noteExternalAnswer(sim, conn, msg);
  tell(sim, { conn: conn.id, kind: 'response', responseKind: msg.kind, body: msg.body });
}

/** The broker's host reset the connection (its process is gone). */
export function onExternalReset(sim: Sim, conn: ExternalConnection): void {
  if (conn.state === 'open')
    close(sim, conn, { conn: conn.id, kind: 'closed', reason: 'broker-reset' });
}

/**
 * Broker `b` stopped: its host resets every open connection to it (one trip later), unless the
 * broker is cut off, when the client learns only from its own timeouts.
 */
export function resetExternalConnections(sim: Sim, b: BrokerState): void {
  const externals = sim.world.externals;
  if (!externals || sim.isIsolated(brokerNode(b.id))) return;
  for (const conn of Object.values(externals)) {
    if (conn.broker !== b.id || conn.state !== 'open') continue;
    sim.resetRequest({
      from: externalNode(conn.id),
      fromInc: EXTERNAL_INC,
      to: brokerNode(b.id),
      kind: 'metadata',
      reqId: -1,
      sentAt: sim.now,
    });
  }
}

export function drainExternalOutbox(sim: Sim): ExternalAnswer[] {
  const out = sim.world.externalOutbox ?? [];
  if (out.length > 0) sim.world.externalOutbox = [];
  return out;
}
