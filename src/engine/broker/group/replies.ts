// The group coordinator's error answers: every group request kind has one, with empty fields.
import { brokerNode } from '../../sim/ids';
import type { Sim } from '../../sim/sim';
import type { BrokerState, Message } from '../../sim/world';

/** The requests a group coordinator answers. */
export type GroupRequest = Message<
  'join-group' | 'sync-group' | 'heartbeat' | 'leave-group' | 'offset-commit' | 'offset-fetch'
>;

export function replyError(sim: Sim, b: BrokerState, msg: GroupRequest, error: string): void {
  const reqId = msg.body.reqId;
  const from = brokerNode(b.id);
  const opts = { toInc: msg.fromInc, error };
  switch (msg.kind) {
    case 'join-group':
      return sim.send(
        from,
        b.inc,
        msg.from,
        'join-group-response',
        {
          reqId,
          error,
          generation: -1,
          protocol: '',
          leader: '',
          memberId: msg.body.memberId,
          members: [],
        },
        opts,
      );
    case 'sync-group':
      return sim.send(
        from,
        b.inc,
        msg.from,
        'sync-group-response',
        { reqId, error, assignment: [] },
        opts,
      );
    case 'heartbeat':
      return sim.send(from, b.inc, msg.from, 'heartbeat-response', { reqId, error }, opts);
    case 'leave-group':
      return sim.send(from, b.inc, msg.from, 'leave-group-response', { reqId, error }, opts);
    case 'offset-commit':
      return sim.send(
        from,
        b.inc,
        msg.from,
        'offset-commit-response',
        { reqId, error, offsets: [] },
        opts,
      );
    case 'offset-fetch':
      return sim.send(
        from,
        b.inc,
        msg.from,
        'offset-fetch-response',
        { reqId, error, offsets: {}, leaderEpochs: {} },
        opts,
      );
  }
}
