// Runs one scheduled task: delivers a message to its node, fires a timer, applies a timed
// scenario action, or tells a sender its peer refused the connection.
import { onBrokerMessage, onBrokerTimer } from '../broker/broker';
import { onReplicaFetchFailed } from '../broker/replicaFetcher';
import { onControllerRequestFailed } from '../broker/metadataFetcher';
import { onGroupTimer } from '../broker/group/coordinator';
import {
  onConsumerDisconnect,
  onConsumerMessage,
  onConsumerTimer,
} from '../client/consumer/consumer';
import {
  onProducerConnect,
  onProducerDisconnect,
  onProducerMessage,
  onProducerTimer,
} from '../client/producer';
import { isRunning } from '../client/consumer/state';
import {
  EXTERNAL_INC,
  onExternalHandshake,
  onExternalMessage,
  onExternalReset,
} from '../client/external';
import { applyCommand } from '../commands/apply';
import { onControllerNodeMessage, onControllerNodeTimer } from '../quorum/nodes';
import { combinedControllerOf, isControllerMessage, isControllerTimer } from '../quorum/combined';
import { onZkServerMessage, onZkServerTimer } from '../zookeeper/ensemble';
import { brokerIdOf } from './ids';
import { hopMs } from './hop';
import { push } from './queue';
import type { NodeRef, Sim } from './sim';
import type { Message, Task } from './world';

function nodeUp(ref: NodeRef): boolean {
  switch (ref.type) {
    case 'broker':
      return ref.broker.status === 'running';
    case 'controller':
      return ref.controller.status === 'running';
    case 'zookeeper':
      return ref.server.status === 'running';
    case 'producer':
      return !ref.producer.removed && !ref.producer.crashed;
    case 'consumer':
      return isRunning(ref.consumer);
    case 'external':
      return ref.conn.state !== 'closed';
  }
}

function incOf(ref: NodeRef): number {
  switch (ref.type) {
    case 'broker':
      return ref.broker.inc;
    case 'controller':
      return ref.controller.inc;
    case 'zookeeper':
      return ref.server.inc;
    case 'producer':
      return ref.producer.inc;
    case 'consumer':
      return ref.consumer.inc;
    case 'external':
      return EXTERNAL_INC;
  }
}

/** Run one task; the clock is already at the time it was due. */
export function runTask(sim: Sim, task: Task): void {
  switch (task.k) {
    case 'deliver':
      return deliver(sim, task);
    case 'timer':
      return fireTimer(sim, task);
    case 'action': {
      const result = applyCommand(sim, task.command, 'scenario');
      if (!result.ok)
        sim.emit({
          type: 'command.rejected',
          command: task.command,
          error: result.error,
          t: sim.now,
        });
      return;
    }
    case 'disconnect':
      return disconnect(sim, task);
    case 'connect':
      return handshake(sim, task);
  }
}

function deliver(sim: Sim, msg: Message): void {
  if (sim.anyIsolated() && (sim.isIsolated(msg.from) || sim.isIsolated(msg.to))) {
    sim.emit({ type: 'net.dropped', id: msg.id, reason: { code: 'link-isolated' }, t: sim.now });
    return;
  }
  const ref = sim.resolve(msg.to);
  if (!ref || !nodeUp(ref)) {
    sim.emit({ type: 'net.dropped', id: msg.id, reason: { code: 'node-down' }, t: sim.now });
    sim.resetConnection(msg);
    return;
  }
  // A reply addressed to an earlier life of this node (it restarted since): nobody is waiting.
  if (msg.toInc !== undefined && msg.toInc !== incOf(ref)) return;
  switch (ref.type) {
    case 'broker': {
      // Combined placement: the controller inside this broker takes the quorum's messages.
      const controller = isControllerMessage(msg.kind)
        ? combinedControllerOf(sim, ref.broker.id)
        : null;
      if (controller !== null) return onControllerNodeMessage(sim, controller, msg);
      return onBrokerMessage(sim, ref.broker, msg);
    }
    case 'controller':
      return onControllerNodeMessage(sim, ref.controller, msg);
    case 'zookeeper':
      return onZkServerMessage(sim, ref.server, msg);
    case 'producer':
      return onProducerMessage(sim, ref.producer, msg);
    case 'consumer':
      return onConsumerMessage(sim, ref.consumer, msg);
    case 'external':
      return onExternalMessage(sim, ref.conn, msg);
  }
}

function disconnect(sim: Sim, task: Extract<Task, { k: 'disconnect' }>): void {
  const ref = sim.resolve(task.node);
  if (!ref || !nodeUp(ref) || incOf(ref) !== task.inc || sim.isIsolated(task.node)) return;
  switch (ref.type) {
    case 'controller':
    case 'zookeeper':
      return;
    case 'broker':
      if (task.kind === 'replica-fetch')
        onReplicaFetchFailed(sim, ref.broker, brokerIdOf(task.peer), task.reqId);
      else if (task.kind === 'metadata-fetch' || task.kind === 'broker-registration')
        onControllerRequestFailed(ref.broker, task.kind, task.reqId);
      return;
    case 'producer':
      return onProducerDisconnect(
        sim,
        ref.producer,
        brokerIdOf(task.peer),
        task.reqId,
        task.sentAt,
      );
    case 'consumer':
      return onConsumerDisconnect(sim, ref.consumer, task.reqId);
    case 'external':
      return onExternalReset(sim, ref.conn);
  }
}

/** A step of a client's TCP handshake (Sim.connect): at the broker, then back at the client. */
function handshake(sim: Sim, task: Extract<Task, { k: 'connect' }>): void {
  if (sim.isIsolated(task.from) || sim.isIsolated(task.to)) return;
  if (task.phase === 'syn') {
    const broker = sim.resolve(task.to);
    const phase = broker && nodeUp(broker) ? 'accepted' : 'refused';
    push(sim.world.queue, sim.now + hopMs(sim.world.network.latencyMs), { ...task, phase });
    return;
  }
  const ref = sim.resolve(task.from);
  if (!ref || !nodeUp(ref) || incOf(ref) !== task.fromInc) return;
  if (ref.type === 'producer')
    onProducerConnect(
      sim,
      ref.producer,
      brokerIdOf(task.to),
      task.attempt,
      task.phase === 'accepted',
    );
  else if (ref.type === 'external') onExternalHandshake(sim, ref.conn, task.phase === 'accepted');
}

function fireTimer(sim: Sim, task: Extract<Task, { k: 'timer' }>): void {
  const ref = sim.resolve(task.node);
  if (!ref || !nodeUp(ref) || incOf(ref) !== task.inc) return;
  switch (ref.type) {
    case 'broker': {
      if (task.name.startsWith('group.')) return onGroupTimer(sim, ref.broker, task);
      const controller = isControllerTimer(task.name)
        ? combinedControllerOf(sim, ref.broker.id)
        : null;
      if (controller !== null) return onControllerNodeTimer(sim, controller, task);
      return onBrokerTimer(sim, ref.broker, task);
    }
    case 'controller':
      return onControllerNodeTimer(sim, ref.controller, task);
    case 'zookeeper':
      return onZkServerTimer(sim, ref.server, task);
    case 'producer':
      return onProducerTimer(sim, ref.producer, task);
    case 'consumer':
      return onConsumerTimer(sim, ref.consumer, task);
    case 'external':
      return;
  }
}
