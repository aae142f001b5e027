// A simulator in Node: the real WorkerHost behind an in-memory transport whose messages wait
// until the test delivers them, and a fake animation-frame clock that several simulators can
// share (as they would share one page's requestAnimationFrame).
import type { FrameScheduler, Transport } from '../../src/app/client';
import { createSimulator, type Simulator } from '../../src/app/simulator';
import { WorkerHost } from '../../src/worker/host';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

/** requestAnimationFrame in a test: `frame(dt)` runs every callback asked for, once. */
export class FakeFrames implements FrameScheduler {
  private wall = 0;
  private nextHandle = 1;
  private callbacks = new Map<number, (wall: number) => void>();

  request(callback: (wall: number) => void): number {
    const handle = this.nextHandle++;
    this.callbacks.set(handle, callback);
    return handle;
  }

  cancel(handle: number): void {
    this.callbacks.delete(handle);
  }

  now(): number {
    return this.wall;
  }

  frame(dt: number): void {
    this.wall += dt;
    const due = [...this.callbacks.values()];
    this.callbacks.clear();
    for (const callback of due) callback(this.wall);
  }
}

export interface NodeSimulator {
  simulator: Simulator;
  frames: FakeFrames;
  /** Messages posted to the worker and not delivered yet. */
  toWorker: ToWorker[];
  /** Let the worker handle what was posted, then the page handle the answers. */
  pump(): Promise<void>;
  /** One animation frame `dt` wall ms later; then deliver the messages unless told not to. */
  frame(dt: number, deliver?: boolean): Promise<void>;
}

export function nodeSimulator(frames = new FakeFrames()): NodeSimulator {
  const toWorker: ToWorker[] = [];
  const toPage: FromWorker[] = [];
  const host = new WorkerHost((m) => toPage.push(m));
  let onMessage: (m: FromWorker) => void = () => {};
  const transport: Transport = {
    post: (m) => toWorker.push(m),
    listen: (callback) => {
      onMessage = callback;
    },
    close: () => {},
  };
  const simulator = createSimulator({ transport, scheduler: frames });
  const pump = async () => {
    while (toWorker.length) host.handle(toWorker.shift());
    while (toPage.length) onMessage(toPage.shift()!);
    await Promise.resolve();
  };
  const frame = async (dt: number, deliver = true) => {
    frames.frame(dt);
    if (deliver) await pump();
  };
  return { simulator, frames, toWorker, pump, frame };
}
