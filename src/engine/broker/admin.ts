// Admin requests from clients: CreateTopics and DeleteTopics. Under KRaft the broker forwards it to the active
// controller in an Envelope (Kafka's ForwardingManager) and relays the answer, which the
// controller sends once its records are committed; in ZooKeeper mode the client asks the
// controller broker itself (others answer NOT_CONTROLLER). A topic that cannot be created is
// named with the reason, as kafka-topics --create would name it.
import * as cfg from '../config/access';
import { createTopic } from '../commands/createTopic';
import { fail } from '../commands/results';
import { controllerCanAct, type ControllerHost } from '../controller/controller';
import { inControllerScope } from '../quorum/scope';
import { brokerNode, controllerHostNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { BrokerState, ConfigSlot, Message } from '../sim/world';
import type { CreateTopicsRequestBody, DeleteTopicsRequestBody, TopicSpec } from '../types';
import type { ForwardedRequest, ForwardedResponse } from '../sim/messages';
import { deleteTopic } from '../commands/deleteTopic';

type CreateTopicsAnswer = Message<'create-topics-response'>['body'];
type DeleteTopicsAnswer = Message<'delete-topics-response'>['body'];

/** A client's CreateTopics or DeleteTopics reached broker `b`. */
export function onAdminRequest(
  sim: Sim,
  b: BrokerState,
  msg: Message<'create-topics' | 'delete-topics'>,
): void {
  const c = sim.world.controller;
  const request = forwarded(msg);
  const reply = (response: ForwardedResponse) =>
    sim.send(brokerNode(b.id), b.inc, msg.from, response.kind, response.body, {
      toInc: msg.fromInc,
    });
  if (sim.world.zookeeper) {
    if (c.activeId !== b.id || !controllerCanAct(sim)) return reply(notController(request));
    return inControllerScope(sim, () => reply(serve(sim, b.config, request)));
  }
  if (c.activeId === null) return reply(notController(request));
  sim.send(brokerNode(b.id), b.inc, controllerHostNode(c.activeId), 'envelope', {
    client: msg.from,
    clientInc: msg.fromInc,
    request,
  });
}

function forwarded(msg: Message<'create-topics' | 'delete-topics'>): ForwardedRequest {
  return msg.kind === 'create-topics'
    ? { kind: 'create-topics', body: (msg as Message<'create-topics'>).body }
    : { kind: 'delete-topics', body: (msg as Message<'delete-topics'>).body };
}

/** The controller's answer to a forwarded request: on to the client that asked. */
export function onEnvelopeResponse(
  sim: Sim,
  b: BrokerState,
  msg: Message<'envelope-response'>,
): void {
  const { client, clientInc, response } = msg.body;
  sim.send(brokerNode(b.id), b.inc, client, response.kind, response.body, { toInc: clientInc });
}

/** At the active controller (in its scope): act on the request, answer the forwarding broker. */
export function handleEnvelope(sim: Sim, host: ControllerHost, msg: Message<'envelope'>): void {
  const { client, clientInc, request } = msg.body;
  sim.send(
    host.node,
    host.inc,
    msg.from,
    'envelope-response',
    { client, clientInc, response: serve(sim, host.config, request) },
    { toInc: msg.fromInc },
  );
}

function serve(
  sim: Sim,
  config: ConfigSlot<'broker'>,
  request: ForwardedRequest,
): ForwardedResponse {
  return request.kind === 'create-topics'
    ? { kind: 'create-topics-response', body: createTopics(sim, config, request.body) }
    : { kind: 'delete-topics-response', body: deleteTopics(sim, request.body) };
}

/** Each named topic deleted, or why not (unknown, internal, no controller). */
function deleteTopics(sim: Sim, body: DeleteTopicsRequestBody): DeleteTopicsAnswer {
  const topics = body.topics.map((name) => {
    const result = deleteTopic(sim, name);
    return result.ok
      ? { name, error: null, message: null }
      : { name, error: result.error.code, message: result.error.message };
  });
  return { reqId: body.reqId, topics };
}

function createTopics(
  sim: Sim,
  config: ConfigSlot<'broker'>,
  body: CreateTopicsRequestBody,
): CreateTopicsAnswer {
  const topics = body.topics.map((t, i) => {
    const result = body.validateOnly
      ? fail(
          'INVALID_REQUEST',
          'validateOnly: checking without creating is not served',
          'validateOnly',
        )
      : createTopic(sim, specOf(config, t), 'user', `topics[${i}]`);
    if (result.ok) return { name: t.name, error: null, field: null, message: null };
    const { code, field, message } = result.error;
    return { name: t.name, error: code, field: field ?? null, message };
  });
  return { reqId: body.reqId, topics };
}

function notController(request: ForwardedRequest): ForwardedResponse {
  const message = 'no active controller to act on it';
  if (request.kind === 'delete-topics')
    return {
      kind: 'delete-topics-response',
      body: {
        reqId: request.body.reqId,
        topics: request.body.topics.map((name) => ({ name, error: 'NOT_CONTROLLER', message })),
      },
    };
  return {
    kind: 'create-topics-response',
    body: {
      reqId: request.body.reqId,
      topics: request.body.topics.map((t) => ({
        name: t.name,
        error: 'NOT_CONTROLLER',
        field: null,
        message,
      })),
    },
  };
}

/** The topic as the controller creates it: -1 is the broker's default; an assignment sets both. */
function specOf(
  config: ConfigSlot<'broker'>,
  t: CreateTopicsRequestBody['topics'][number],
): TopicSpec {
  const spec: TopicSpec = {
    name: t.name,
    partitions: t.partitions === -1 ? cfg.int(config, 'num.partitions') : t.partitions,
    replicationFactor:
      t.replicationFactor === -1
        ? cfg.int(config, 'default.replication.factor')
        : t.replicationFactor,
  };
  if (t.assignment && t.assignment.length > 0) {
    spec.assignment = t.assignment;
    spec.partitions = t.assignment.length;
    spec.replicationFactor = t.assignment[0].length;
  }
  if (t.config) spec.config = t.config;
  return spec;
}
