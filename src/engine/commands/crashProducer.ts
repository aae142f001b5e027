// crashProducer / restartProducer: validated here, carried out in client/producerCrash.ts.
import { crashProducer, restartProducer } from '../client/producerCrash';
import type { Sim } from '../sim/sim';
import type { Command } from '../types';
import { fail, OK, type Result } from './results';

type CrashOrRestart = Extract<Command, { type: 'crashProducer' | 'restartProducer' }>;

export function crashOrRestartProducer(sim: Sim, cmd: CrashOrRestart): Result {
  const p = sim.world.producers[cmd.producerId];
  if (!p)
    return fail('UNKNOWN_PRODUCER', `producerId: no producer "${cmd.producerId}"`, 'producerId', {
      producerId: cmd.producerId,
    });
  if (cmd.type === 'crashProducer') {
    if (p.crashed)
      return fail('PRODUCER_CRASHED', `producer ${p.id} has already crashed`, 'producerId', {
        producerId: p.id,
      });
    crashProducer(sim, p);
  } else {
    if (!p.crashed)
      return fail('PRODUCER_RUNNING', `producer ${p.id} is running`, 'producerId', {
        producerId: p.id,
      });
    restartProducer(sim, p);
  }
  return OK;
}
