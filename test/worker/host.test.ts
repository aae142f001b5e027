import { describe, expect, it } from 'vitest';
import { WorkerHost } from '../../src/worker/host';
import { PROTOCOL_VERSION, type FromWorker } from '../../src/worker/protocol';
import { ENGINE_VERSION } from '../../src/engine';

function hostWithOutbox() {
  const outbox: FromWorker[] = [];
  return { host: new WorkerHost((m) => outbox.push(m)), outbox };
}

describe('WorkerHost', () => {
  it('answers hello with the engine version and the sim clock', () => {
    const { host, outbox } = hostWithOutbox();
    host.handle({ type: 'hello', protocol: PROTOCOL_VERSION });
    expect(outbox).toEqual([
      { type: 'ready', protocol: PROTOCOL_VERSION, engineVersion: ENGINE_VERSION, now: 0 },
    ]);
  });

  it('advances the sim clock on request', () => {
    const { host, outbox } = hostWithOutbox();
    host.handle({ type: 'advance', to: 1500 });
    expect(outbox.at(-1)).toEqual({ type: 'frame', now: 1500 });
  });

  it('refuses a page that speaks another protocol version', () => {
    const { host, outbox } = hostWithOutbox();
    host.handle({ type: 'hello', protocol: PROTOCOL_VERSION + 1 });
    expect(outbox[0]).toMatchObject({ type: 'error' });
  });
});
