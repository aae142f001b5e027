// What the picture keeps of real clients (issue 14, plan step 7). The engine serves their requests
// without knowing the program behind them, so it shows what a broker can see: connections that
// produce (one producer card per client id, named `ext:<clientId>` like the records they write),
// connections that serve a group member (one consumer row per member id), what each producer has
// sent and had answered, and where each member's fetches say it stands. None of this changes how
// a request is served: it is bookkeeping beside it, kept in the world so saves and seeks show it.
import type { ExternalRequest } from '../types';
import type { Bodies } from '../sim/messages';
import type { Sim } from '../sim/sim';
import { tpKey } from '../sim/ids';
import type {
  ExternalConnection,
  ExternalProducerRecord,
  GroupMember,
  Message,
} from '../sim/world';
import { RETRIABLE_ERRORS } from './produceErrors';
import { clearStandingError, noteStandingError } from './standingErrors';

type ExternalKind = ExternalRequest['kind'];

const ADMIN_KINDS: readonly string[] = [
  'create-topics',
  'delete-topics',
  'list-groups',
  'describe-groups',
];
const MEMBER_KINDS: readonly string[] = [
  'join-group',
  'sync-group',
  'heartbeat',
  'leave-group',
  'offset-commit',
];

/** A group member that is a real client's (it joined with the wire's list of assignors). */
export function isExternalMember(m: GroupMember): boolean {
  return m.protocols !== undefined;
}

/** A request is on its way from `conn`: note what it shows the connection to be. */
export function noteExternalRequest(
  sim: Sim,
  conn: ExternalConnection,
  kind: ExternalKind,
  body: Bodies[ExternalKind],
): void {
  if (kind === 'produce') {
    conn.role = 'producer';
    noteProduce(sim, conn, body as Bodies['produce']);
  } else if (kind === 'init-producer-id') {
    conn.role = 'producer';
    producerRecord(sim, conn);
  } else if (MEMBER_KINDS.includes(kind)) {
    conn.role = 'consumer';
    const memberId = (body as { memberId: string }).memberId;
    if (memberId) conn.memberId = memberId;
  } else if (kind === 'fetch') {
    noteFetch(sim, conn, body as Bodies['fetch']);
  } else if (ADMIN_KINDS.includes(kind)) {
    conn.role ??= 'admin';
  }
}

/** An answer reached `conn`: a produce answer settles the records it was for. */
export function noteExternalAnswer(sim: Sim, conn: ExternalConnection, msg: Message): void {
  if (msg.kind === 'init-producer-id-response') {
    const body = msg.body as Bodies['init-producer-id-response'];
    const p = producerRecord(sim, conn);
    if (body.error === null) p.producerIdNumber = body.producerIdNumber;
    return;
  }
  if (msg.kind !== 'produce-response') return;
  const body = msg.body as Bodies['produce-response'];
  const p = sim.world.externalProducers?.[producerName(conn)];
  const pending = p?.pending[pendingKey(conn, body.reqId)];
  if (!p || !pending) return;
  delete p.pending[pendingKey(conn, body.reqId)];
  for (const part of pending.partitions) {
    const result = body.results.find(
      (r) => r.topic === part.topic && r.partition === part.partition,
    );
    settle(sim, p, part, pending.sentAt, result?.error ?? null, result?.baseOffset ?? -1);
  }
}

/**
 * `conn` closed: what it had in flight will never be answered on it (the client may send it
 * again on another connection, where it counts as sent again).
 */
export function forgetExternalRequests(sim: Sim, conn: ExternalConnection): void {
  const p = sim.world.externalProducers?.[producerName(conn)];
  if (!p) return;
  const prefix = `${conn.id}#`;
  for (const [key, pending] of Object.entries(p.pending)) {
    if (!key.startsWith(prefix)) continue;
    delete p.pending[key];
    for (const part of pending.partitions)
      settle(sim, p, part, pending.sentAt, 'NETWORK_EXCEPTION', -1);
  }
}

/** Records a real client has acknowledged, then lost to a truncation: counted on its card. */
export function chargeExternalLoss(sim: Sim, producer: string): void {
  const p = sim.world.externalProducers?.[producer];
  if (p) p.stats.lostAcked++;
}

function producerName(conn: ExternalConnection): string {
  return `ext:${conn.clientId}`;
}

function pendingKey(conn: ExternalConnection, reqId: number): string {
  return `${conn.id}#${reqId}`;
}

function producerRecord(sim: Sim, conn: ExternalConnection): ExternalProducerRecord {
  const all = (sim.world.externalProducers ??= {});
  const id = producerName(conn);
  return (all[id] ??= {
    id,
    clientId: conn.clientId,
    topics: [],
    acks: -1,
    producerIdNumber: -1,
    stats: { sent: 0, acked: 0, failed: 0, lostAcked: 0 },
    lastError: null,
    pending: {},
  });
}

function noteProduce(sim: Sim, conn: ExternalConnection, body: Bodies['produce']): void {
  const p = producerRecord(sim, conn);
  p.acks = body.acks;
  const partitions = body.batches.map((b) => ({
    topic: b.topic,
    partition: b.partition,
    records: b.records.map((r) => ({ key: r.key, value: r.value })),
  }));
  for (const part of partitions) {
    if (!p.topics.includes(part.topic)) p.topics.push(part.topic);
    p.stats.sent += part.records.length;
  }
  // acks=0: the client is told nothing, so as far as it knows each record is written.
  if (body.acks === 0) {
    for (const part of partitions) settle(sim, p, part, sim.now, null, -1);
    return;
  }
  p.pending[pendingKey(conn, body.reqId)] = { sentAt: sim.now, partitions };
}

/** One partition's records were answered: acknowledged at `baseOffset` on, or refused. */
function settle(
  sim: Sim,
  p: ExternalProducerRecord,
  part: ExternalProducerRecord['pending'][string]['partitions'][number],
  sentAt: number,
  error: string | null,
  baseOffset: number,
): void {
  if (error === null) {
    clearStandingError(p, part.partition);
    part.records.forEach((r, i) => {
      p.stats.acked++;
      sim.emit({
        type: 'record.acked',
        producerId: p.id,
        topic: part.topic,
        partition: part.partition,
        offset: baseOffset < 0 ? -1 : baseOffset + i,
        key: r.key,
        value: r.value,
        t: sim.now,
      });
    });
    return;
  }
  p.lastError = error;
  const retriable = RETRIABLE_ERRORS.has(error);
  if (part.records.length > 0) noteStandingError(p, part.partition, error, retriable);
  for (const r of part.records) {
    p.stats.failed++;
    sim.emit({
      type: 'record.failed',
      producerId: p.id,
      topic: part.topic,
      partition: part.partition,
      key: r.key,
      value: r.value,
      error,
      retriable,
      sentAt,
      t: sim.now,
    });
  }
}

/**
 * A fetch names the partitions and the offsets the consumer wants next: its positions. The
 * connection serves the member of its client that owns those partitions (a real consumer's
 * fetches carry no member id; in a settled group each partition has one owner).
 */
function noteFetch(sim: Sim, conn: ExternalConnection, body: Bodies['fetch']): void {
  for (const part of body.partitions) {
    const tp = tpKey(part.topic, part.partition);
    const member = ownerOf(sim, conn, tp);
    if (!member) continue;
    conn.role = 'consumer';
    conn.memberId = member.memberId;
    const positions = (member.positions ??= {});
    const before = positions[tp];
    if (before !== undefined && part.fetchOffset > before)
      member.consumed = (member.consumed ?? 0) + (part.fetchOffset - before);
    positions[tp] = part.fetchOffset;
  }
}

function ownerOf(sim: Sim, conn: ExternalConnection, tp: string): GroupMember | undefined {
  for (const group of Object.values(sim.world.groups)) {
    for (const m of Object.values(group.members)) {
      if (isExternalMember(m) && m.clientId === conn.clientId && m.assignment.includes(tp))
        return m;
    }
  }
  return undefined;
}
