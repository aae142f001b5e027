// Admin requests from clients: CreateTopics. Under KRaft the broker forwards it to the active
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
import type { CreateTopicsRequestBody, TopicSpec } from '../types';

type CreateTopicsAnswer = Message<'create-topics-response'>['body'];

/** A client's CreateTopics reached broker `b`. */
export function onCreateTopics(sim: Sim, b: BrokerState, msg: Message<'create-topics'>): void {
  const c = sim.world.controller;
  const reply = (body: CreateTopicsAnswer) =>
    sim.send(brokerNode(b.id), b.inc, msg.from, 'create-topics-response', body, {
      toInc: msg.fromInc,
    });
  if (sim.world.zookeeper) {
    if (c.activeId !== b.id || !controllerCanAct(sim)) return reply(notController(msg.body));
    return inControllerScope(sim, () => reply(createTopics(sim, b.config, msg.body)));
  }
  if (c.activeId === null) return reply(notController(msg.body));
  sim.send(brokerNode(b.id), b.inc, controllerHostNode(c.activeId), 'envelope', {
    client: msg.from,
    clientInc: msg.fromInc,
    request: msg.body,
  });
}

/** The controller's answer to a forwarded request: on to the client that asked. */
export function onEnvelopeResponse(
  sim: Sim,
  b: BrokerState,
  msg: Message<'envelope-response'>,
): void {
  const { client, clientInc, response } = msg.body;
  sim.send(brokerNode(b.id), b.inc, client, 'create-topics-response', response, {
    toInc: clientInc,
  });
}

/** At the active controller (in its scope): create the topics, answer the forwarding broker. */
export function handleEnvelope(sim: Sim, host: ControllerHost, msg: Message<'envelope'>): void {
  const { client, clientInc, request } = msg.body;
  sim.send(
    host.node,
    host.inc,
    msg.from,
    'envelope-response',
    { client, clientInc, response: createTopics(sim, host.config, request) },
    { toInc: msg.fromInc },
  );
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

function notController(body: CreateTopicsRequestBody): CreateTopicsAnswer {
  return {
    reqId: body.reqId,
    topics: body.topics.map((t) => ({
      name: t.name,
      error: 'NOT_CONTROLLER',
      field: null,
      message: 'no active controller to create it',
    })),
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
