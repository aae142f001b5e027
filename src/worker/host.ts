// The worker host owns one Engine and answers protocol messages. It has no timers and no
// globals, so Node tests drive it directly; engine.worker.ts only wires it to postMessage.
import { createEngine, ENGINE_VERSION, type Engine } from '../engine';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from './protocol';

export class WorkerHost {
  private engine: Engine = createEngine({ version: 1, seed: 1, cluster: { brokers: 3 } });

  constructor(private readonly post: (message: FromWorker) => void) {}

  handle(message: ToWorker): void {
    switch (message.type) {
      case 'hello':
        if (message.protocol !== PROTOCOL_VERSION) {
          this.post({
            type: 'error',
            message: `Protocol mismatch: page speaks v${message.protocol}, worker speaks v${PROTOCOL_VERSION}. Reload the page.`,
          });
          return;
        }
        this.post({
          type: 'ready',
          protocol: PROTOCOL_VERSION,
          engineVersion: ENGINE_VERSION,
          now: this.engine.now,
        });
        return;
      case 'advance':
        this.engine.advanceTo(message.to);
        this.post({ type: 'frame', now: this.engine.now });
        return;
    }
  }
}
