// A broker's life: start (register with the controller by heartbeat), run, crash or shut down
// gracefully, restart with the same logs; and the routing of every message it receives.
import { handleDescribeGroups, handleListGroups } from './group/describe';
import * as cfg from '../config/access';
import {
  brokerHost,
  handleAlterPartition,
  onLeaderBalanceCheck,
  onSessionCheck,
} from '../controller/controller';
import { brokerNode, controllerHostNode } from '../sim/ids';
import type { Sim } from '../sim/sim';
import type { BrokerState, Message, Task } from '../sim/world';
import { onGroupRequest } from './group/coordinator';
import { onAdminRequest, onEnvelopeResponse } from './admin';
import { onParkedFetchTimeout } from './fetchPurgatory';
import { handleReplicaFetch } from './followerFetch';
import { onAlterPartitionResponse, onIsrCheck } from './isr';
import { applyImageChange, applyPartition } from './metadataImage';
import { resetExternalConnections } from '../client/external';
import { fetchMetadata, newBrokerMetadataLog, onMetadataFetchResponse } from './metadataFetcher';
import { handleProduce } from './produce';
import { onProduceTimeout } from './producePurgatory';
import {
  onReplicaFetchFailed,
  onReplicaFetchResponse,
  resumeReplicaFetcher,
  startReplicaFetchers,
} from './replicaFetcher';
import { onRetentionCheck } from './retention';
import { afterAlterPartition, unregisterIfRemoving } from '../controller/reassignment';
import { inControllerScope } from '../quorum/scope';
import {
  onCombinedBrokerIsolation,
  onCombinedBrokerStarted,
  onCombinedBrokerStopped,
} from '../quorum/combined';
import {
  closeZkSession,
  onZkConnectResponse,
  onZkConnectTimeout,
  onZkPingResponse,
  onZkPingTimer,
  onZkReconnectTimer,
  onZkResponse,
  onZkWatchEvent,
  startZkClient,
} from '../zookeeper/client';
import {
  acceptControllerRequest,
  handleControlledShutdown,
  onRegisterRetry,
  requestControlledShutdown,
} from '../zookeeper/kafka';
import {
  handleFetch,
  handleFindCoordinator,
  handleInitProducerId,
  handleListOffsets,
  handleOffsetsForLeaderEpoch,
  handleMetadata,
} from './serve';

function resetVolatile(b: BrokerState): void {
  b.meta = {};
  b.liveBrokers = [];
  b.controllerId = null;
  b.metaVersion = 0;
  b.metadataLog = newBrokerMetadataLog();
  b.brokerEpoch = -1;
  b.lead = {};
  b.follow = {};
  b.fetchers = {};
  b.parked = [];
  b.purgatory = [];
  b.shuttingDown = false;
  b.registration = { failures: 0, retryAt: 0 };
  if (b.zk) b.zk = null;
}

export function startBroker(sim: Sim, b: BrokerState, restart: boolean): void {
  b.status = 'running';
  b.inc++;
  resetVolatile(b);
  sim.emit({ type: 'broker.started', brokerId: b.id, restart, t: sim.now });
  onCombinedBrokerStarted(sim, b);
  const node = brokerNode(b.id);
  // ZooKeeper mode: liveness is a ZooKeeper session (set up by seedZooKeeper while the world is
  // built); KRaft: register, then heartbeats to the controller, and follow the metadata log.
  if (sim.world.zookeeper) {
    if (sim.world.zookeeper.started) startZkClient(sim, b);
  } else {
    // While the world is built the cluster has been running: the broker is registered already,
    // and it fetches the log once it has the image the world starts with (sim/create.ts).
    const building = !sim.world.quorum?.started;
    const reg = sim.world.controller.brokers[b.id];
    if (building && reg) b.brokerEpoch = reg.brokerEpoch;
    heartbeatOrRegister(sim, b);
    if (!building) fetchMetadata(sim, b);
    sim.timer(node, b.inc, 'broker.heartbeat', cfg.int(b.config, 'broker.heartbeat.interval.ms'));
  }
  sim.timer(node, b.inc, 'broker.isr-check', cfg.int(b.config, 'replica.lag.time.max.ms') / 2);
  sim.timer(
    node,
    b.inc,
    'broker.retention-check',
    cfg.int(b.config, 'log.retention.check.interval.ms'),
  );
}

/** Crash (process killed) or the last step of a graceful shutdown. Logs stay on disk. */
export function stopBroker(sim: Sim, b: BrokerState, mode: 'crash' | 'graceful'): void {
  b.status = mode === 'crash' ? 'crashed' : 'stopped';
  // Requests waiting inside the broker (long-poll fetches, acks=all produces) lose their
  // connection: unless the broker is cut off, their senders see the reset at once.
  if (!sim.isIsolated(brokerNode(b.id))) {
    for (const p of b.parked) sim.resetConnection(p.msg);
    for (const p of b.purgatory) sim.resetConnection(p.msg);
  }
  // A graceful stop closes its ZooKeeper session (its znode goes at once); a crash leaves the
  // session to expire.
  if (mode === 'graceful') closeZkSession(sim, b);
  resetExternalConnections(sim, b);
  resetVolatile(b);
  b.inc++;
  sim.emit({ type: 'broker.stopped', brokerId: b.id, mode, t: sim.now });
  onCombinedBrokerStopped(sim, b);
  unregisterIfRemoving(sim, b.id);
}

/** Graceful shutdown: ask the controller to move leadership away first (controlled shutdown). */
export function beginControlledShutdown(sim: Sim, b: BrokerState): void {
  b.shuttingDown = true;
  if (sim.world.zookeeper) requestControlledShutdown(sim, b);
  // Not registered yet: it leads nothing, so it may stop at once.
  else if (b.brokerEpoch < 0) return stopBroker(sim, b, 'graceful');
  else sendHeartbeat(sim, b);
  sim.timer(
    brokerNode(b.id),
    b.inc,
    'broker.shutdown-timeout',
    cfg.int(b.config, 'broker.session.timeout.ms'),
  );
}

export function isolateBroker(sim: Sim, b: BrokerState): void {
  sim.setIsolated(brokerNode(b.id), true);
  sim.emit({ type: 'broker.isolated', brokerId: b.id, t: sim.now });
  onCombinedBrokerIsolation(sim, b, true);
}

export function healBroker(sim: Sim, b: BrokerState): void {
  sim.setIsolated(brokerNode(b.id), false);
  sim.emit({ type: 'broker.healed', brokerId: b.id, t: sim.now });
  onCombinedBrokerIsolation(sim, b, false);
  if (b.status === 'running') {
    if (!sim.world.zookeeper) {
      heartbeatOrRegister(sim, b);
      // The metadata fetch on the wire was most likely lost: ask again.
      b.metadataLog.inFlight = 0;
      fetchMetadata(sim, b);
    }
    // Fetchers that were waiting for lost responses start again.
    for (const leader of Object.keys(b.fetchers)) b.fetchers[leader].inFlight = false;
    startReplicaFetchers(sim, b);
  }
}

/**
 * KRaft (Kafka's BrokerLifecycleManager): a broker process first registers with the active
 * controller, then heartbeats. A registration that gets no answer is sent again after
 * broker.session.timeout.ms; a refused one waits for its backoff.
 */
function heartbeatOrRegister(sim: Sim, b: BrokerState): void {
  if (b.brokerEpoch >= 0) return sendHeartbeat(sim, b);
  const r = (b.registration ??= { failures: 0, retryAt: 0 });
  if (sim.now < r.retryAt) return;
  const timeout = cfg.int(b.config, 'broker.session.timeout.ms');
  if (r.inFlight && sim.now - (r.sentAt ?? 0) < timeout) return;
  const controller = sim.world.controller.activeId;
  if (controller === null) return;
  r.inFlight = ++b.nextToken;
  r.sentAt = sim.now;
  sim.send(brokerNode(b.id), b.inc, controllerHostNode(controller), 'broker-registration', {
    reqId: r.inFlight,
    incarnation: b.inc,
  });
}

function sendHeartbeat(sim: Sim, b: BrokerState): void {
  const controller = sim.world.controller.activeId;
  if (controller === null) return;
  sim.send(brokerNode(b.id), b.inc, controllerHostNode(controller), 'broker-heartbeat', {
    brokerEpoch: b.brokerEpoch,
    wantShutdown: b.shuttingDown,
    metadataOffset: b.metadataLog.offset - 1,
  });
}

function onRegistrationResponse(
  sim: Sim,
  b: BrokerState,
  msg: Message<'broker-registration-response'>,
): void {
  const r = b.registration;
  if (r === null || r.inFlight !== msg.body.reqId) return;
  r.inFlight = 0;
  const error = msg.body.error;
  if (error === 'DUPLICATE_BROKER_REGISTRATION') return registrationRefused(sim, b, error);
  // NOT_CONTROLLER: asked again at the next heartbeat tick.
  if (error) return;
  b.brokerEpoch = msg.body.brokerEpoch;
  b.registration = null;
  sendHeartbeat(sim, b);
}

function onHeartbeatResponse(
  sim: Sim,
  b: BrokerState,
  msg: Message<'broker-heartbeat-response'>,
): void {
  const error = msg.body.error;
  // The controller no longer knows this registration: register again.
  if (error === 'STALE_BROKER_EPOCH') {
    b.brokerEpoch = -1;
    return heartbeatOrRegister(sim, b);
  }
  if (error) return;
  if (b.shuttingDown && msg.body.shutdownReady) return stopBroker(sim, b, 'graceful');
  // Still fenced while starting: Kafka's BrokerLifecycleManager heartbeats again after 10 ms
  // (not the interval), so it is unfenced as soon as it has read its registration record.
  if (msg.body.fenced && !b.shuttingDown)
    sim.timer(brokerNode(b.id), b.inc, 'broker.startup-heartbeat', STARTUP_HEARTBEAT_MS);
}

/** BrokerLifecycleManager's heartbeat delay while the broker starts up. */
const STARTUP_HEARTBEAT_MS = 10;

/**
 * The controller refused this incarnation's registration: the previous one's session is still
 * alive. Like Kafka's BrokerLifecycleManager, try again after an exponential backoff (100 ms,
 * doubling, at most broker.session.timeout.ms, 2% jitter); the first refusal is reported.
 */
function registrationRefused(sim: Sim, b: BrokerState, error: string): void {
  const r = (b.registration ??= { failures: 0, retryAt: 0 });
  if (r.failures === 0)
    sim.emit({ type: 'broker.registration-refused', brokerId: b.id, error, t: sim.now });
  const cap = cfg.int(b.config, 'broker.session.timeout.ms');
  const base = Math.min(REGISTRATION_BACKOFF_MS * 2 ** Math.min(r.failures, 30), cap);
  const jitter = 1 + (sim.rng.below(2 * JITTER_PPM + 1) - JITTER_PPM) / 1_000_000;
  const delay = Math.round(base * jitter);
  r.failures++;
  r.retryAt = sim.now + delay;
  sim.timer(brokerNode(b.id), b.inc, 'broker.register-retry', delay, r.failures);
}

/** BrokerLifecycleManager's first retry delay, and its jitter (2%) in parts per million. */
const REGISTRATION_BACKOFF_MS = 100;
const JITTER_PPM = 20_000;

/** ZooKeeper mode: the controller's UpdateMetadata, whole partition states, applied as they come. */
function onUpdateMetadata(
  sim: Sim,
  b: BrokerState,
  body: Message<'update-metadata'>['body'],
): void {
  // A full one of the version the broker has is still news to a broker that restarted.
  if (body.version < b.metaVersion || (body.version === b.metaVersion && !body.full)) return;
  b.metaVersion = body.version;
  b.controllerId = body.controllerId;
  b.liveBrokers = body.liveBrokers;
  applyImageChange(sim, b, body);
}

export function onBrokerMessage(sim: Sim, b: BrokerState, msg: Message): void {
  switch (msg.kind) {
    case 'broker-heartbeat-response':
      return onHeartbeatResponse(sim, b, msg);
    case 'broker-registration-response':
      return onRegistrationResponse(sim, b, msg);
    case 'metadata-fetch-response':
      return onMetadataFetchResponse(sim, b, msg);
    case 'alter-partition':
      return inControllerScope(sim, () => {
        handleAlterPartition(sim, brokerHost(b), msg);
        // The last added replica joined the ISR: the reassignment commits at the same instant.
        afterAlterPartition(sim, b.id, msg.body.topic, msg.body.partition);
      });
    case 'alter-partition-response':
      return onAlterPartitionResponse(sim, b, msg);
    // ZooKeeper mode
    case 'update-metadata':
      if (
        !acceptControllerRequest(
          sim,
          b,
          msg.body.controllerId ?? -1,
          msg.body.controllerEpoch,
          msg.body.brokerEpoch,
        )
      )
        return;
      return onUpdateMetadata(sim, b, msg.body);
    case 'leader-and-isr':
      if (
        !acceptControllerRequest(
          sim,
          b,
          msg.body.controllerId,
          msg.body.controllerEpoch,
          msg.body.brokerEpoch,
        )
      )
        return;
      for (const meta of msg.body.partitions) applyPartition(sim, b, meta);
      return startReplicaFetchers(sim, b);
    case 'controlled-shutdown':
      return handleControlledShutdown(sim, b, msg);
    case 'controlled-shutdown-response':
      if (msg.body.error === null && b.shuttingDown) stopBroker(sim, b, 'graceful');
      return;
    case 'zk-connect-response':
      return onZkConnectResponse(sim, b, msg);
    case 'zk-ping-response':
      return onZkPingResponse(sim, b, msg);
    case 'zk-response':
      return onZkResponse(sim, b, msg);
    case 'zk-watch-event':
      return onZkWatchEvent(sim, b, msg);
    case 'replica-fetch':
      return handleReplicaFetch(sim, b, msg);
    case 'replica-fetch-response':
      return onReplicaFetchResponse(sim, b, msg);
    case 'produce':
      return handleProduce(sim, b, msg);
    case 'fetch':
      return handleFetch(sim, b, msg);
    case 'metadata':
      return handleMetadata(sim, b, msg);
    case 'create-topics':
    case 'delete-topics':
      return onAdminRequest(sim, b, msg);
    case 'envelope-response':
      return onEnvelopeResponse(sim, b, msg);
    case 'list-offsets':
      return handleListOffsets(sim, b, msg);
    case 'offsets-for-leader-epoch':
      return handleOffsetsForLeaderEpoch(sim, b, msg);
    case 'find-coordinator':
      return handleFindCoordinator(sim, b, msg);
    case 'init-producer-id':
      return handleInitProducerId(sim, b, msg);
    case 'join-group':
    case 'sync-group':
    case 'heartbeat':
    case 'leave-group':
    case 'offset-commit':
    case 'offset-fetch':
      return onGroupRequest(sim, b, msg);
    case 'list-groups':
      return handleListGroups(sim, b, msg);
    case 'describe-groups':
      return handleDescribeGroups(sim, b, msg);
    default:
      return;
  }
}

export function onBrokerTimer(sim: Sim, b: BrokerState, task: Extract<Task, { k: 'timer' }>): void {
  const node = brokerNode(b.id);
  switch (task.name) {
    case 'broker.heartbeat':
      heartbeatOrRegister(sim, b);
      fetchMetadata(sim, b);
      sim.timer(node, b.inc, 'broker.heartbeat', cfg.int(b.config, 'broker.heartbeat.interval.ms'));
      return;
    case 'broker.startup-heartbeat':
      return heartbeatOrRegister(sim, b);
    case 'broker.register-retry':
      if (sim.world.zookeeper) return onRegisterRetry(sim, b);
      if (b.registration?.failures === task.token) heartbeatOrRegister(sim, b);
      return;
    case 'broker.zk-ping':
      return onZkPingTimer(sim, b);
    case 'broker.zk-reconnect':
      return onZkReconnectTimer(sim, b, task.token);
    case 'broker.zk-connect-timeout':
      return onZkConnectTimeout(sim, b, task.token);
    case 'broker.isr-check':
      onIsrCheck(sim, b);
      sim.timer(node, b.inc, 'broker.isr-check', cfg.int(b.config, 'replica.lag.time.max.ms') / 2);
      return;
    case 'broker.retention-check':
      onRetentionCheck(sim, b);
      sim.timer(
        node,
        b.inc,
        'broker.retention-check',
        cfg.int(b.config, 'log.retention.check.interval.ms'),
      );
      return;
    case 'broker.fetch-wait':
      return onParkedFetchTimeout(sim, b, task.token!);
    case 'broker.produce-timeout':
      return onProduceTimeout(sim, b, task.token!);
    case 'broker.replica-fetch-backoff':
      return resumeReplicaFetcher(sim, b, Number(task.arg));
    case 'broker.replica-fetch-timeout':
      return onReplicaFetchFailed(sim, b, Number(task.arg), task.token!);
    case 'broker.shutdown-timeout':
      if (b.shuttingDown) stopBroker(sim, b, 'graceful');
      return;
    case 'broker.remove':
      if (!b.shuttingDown) beginControlledShutdown(sim, b);
      return;
    case 'controller.session-check':
      return onSessionCheck(sim, brokerHost(b), Number(task.arg));
    case 'controller.leader-balance':
      return inControllerScope(sim, () => onLeaderBalanceCheck(sim, brokerHost(b)));
    default:
      return;
  }
}
