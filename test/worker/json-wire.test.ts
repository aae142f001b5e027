// The worker's messages as WebSocket text: what postMessage would clone arrives the same.
import { describe, expect, it } from 'vitest';
import { decodeWireMessage, encodeWireMessage } from '../../src/worker/jsonWire';

describe('the worker messages over a WebSocket (jsonWire)', () => {
  it('keeps what JSON alone would lose: Infinity, NaN, undefined in arrays, bytes', () => {
    const message = {
      type: 'frame',
      target: { kind: 'moment', applied: Infinity, low: -Infinity, ratio: NaN },
      list: [1, undefined, 'x'],
      bytes: new Uint8Array([0, 1, 254, 255]),
      nested: [{ b: new Uint8Array([]) }],
    };
    const back = decodeWireMessage(encodeWireMessage(message)) as typeof message;
    expect(back.target.applied).toBe(Infinity);
    expect(back.target.low).toBe(-Infinity);
    expect(back.target.ratio).toBeNaN();
    expect(back.list).toEqual([1, undefined, 'x']);
    expect(back.list).toHaveLength(3);
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect([...back.bytes]).toEqual([0, 1, 254, 255]);
    expect(back.nested[0].b).toBeInstanceOf(Uint8Array);
  });

  it('reads plain JSON as it is, and throws on text that is not JSON', () => {
    expect(decodeWireMessage('{"type":"hello","protocol":3}')).toEqual({
      type: 'hello',
      protocol: 3,
    });
    expect(() => decodeWireMessage('{not json')).toThrow(SyntaxError);
  });
});
