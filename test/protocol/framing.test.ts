// The frame splitter: whole frames back from any chunking, and Kafka's refusal of bad sizes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FRAME_BYTES, FrameSplitter, frame } from '../../src/protocol';
import { fcParams } from './seed';

function sizePrefix(size: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, size);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Cuts `bytes` at the given (sorted, deduplicated) positions. */
function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.slice(from, p));
    from = p;
  }
  return chunks;
}

describe('FrameSplitter', () => {
  it('yields the same frames, in order, whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (payloads, cuts) => {
          const stream = concat(payloads.map(frame));
          const splitter = new FrameSplitter();
          const frames: Uint8Array[] = [];
          for (const chunk of chunked(stream, cuts)) {
            const result = splitter.push(chunk);
            expect(result.error).toBeNull();
            frames.push(...result.frames);
          }
          expect(frames).toEqual(payloads);
          expect(splitter.pendingBytes).toBe(0);
        },
      ),
      fcParams(300),
    );
  });

  it('byte by byte: a frame appears exactly when its last byte arrives', () => {
    const splitter = new FrameSplitter();
    const bytes = frame(new Uint8Array([1, 2, 3]));
    const counts = Array.from(bytes, (b) => splitter.push(new Uint8Array([b])).frames.length);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });

  it('an empty frame is a frame', () => {
    expect(new FrameSplitter().push(sizePrefix(0))).toEqual({
      frames: [new Uint8Array(0)],
      error: null,
    });
  });

  it('refuses an oversized length as soon as the size arrives, before the body', () => {
    const splitter = new FrameSplitter(1000);
    const result = splitter.push(concat([frame(new Uint8Array([9])), sizePrefix(1001)]));
    expect(result.frames).toEqual([new Uint8Array([9])]);
    expect(result.error).toMatchObject({
      reason: 'frame-too-large',
      size: 1001,
      maxFrameBytes: 1000,
    });
    expect(result.error?.message).toContain('1001');
    // The stream stays broken, as Kafka closes the connection.
    expect(splitter.push(frame(new Uint8Array([1])))).toEqual({ frames: [], error: result.error });
  });

  it('accepts a frame of exactly the limit', () => {
    const splitter = new FrameSplitter(16);
    expect(splitter.push(frame(new Uint8Array(16))).frames).toHaveLength(1);
  });

  it('refuses a negative length', () => {
    const result = new FrameSplitter().push(sizePrefix(-1));
    expect(result).toMatchObject({ frames: [], error: { reason: 'negative-size', size: -1 } });
  });

  it("defaults to Kafka's socket.request.max.bytes (100 MiB)", () => {
    expect(DEFAULT_MAX_FRAME_BYTES).toBe(104857600);
    expect(new FrameSplitter().push(sizePrefix(104857601)).error?.reason).toBe('frame-too-large');
  });

  it('random bytes in random chunks never throw; an error is sticky and reported once seen', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (bytes, cuts) => {
          const splitter = new FrameSplitter(4096);
          let errorSeen = false;
          for (const chunk of chunked(bytes, cuts)) {
            const result = splitter.push(chunk);
            if (errorSeen) expect(result.frames).toEqual([]);
            if (result.error) errorSeen = true;
            for (const f of result.frames) expect(f.length).toBeLessThanOrEqual(4096);
          }
        },
      ),
      fcParams(300),
    );
  });
});
