// Kafka's framing: every request and response is an int32 size (big-endian, counting the bytes
// after it) followed by that many bytes. TCP delivers chunks at arbitrary boundaries; the
// splitter turns them back into whole frames.
//
// Like Kafka's NetworkReceive, a negative size or one above the limit (the broker's
// `socket.request.max.bytes`, 100 MiB by default) is refused as soon as the 4 size bytes have
// arrived, before anything is buffered for it; Kafka then closes the connection, and so should
// the caller. After an error the splitter stays broken and yields no more frames.

/** Kafka's default `socket.request.max.bytes`. */
export const DEFAULT_MAX_FRAME_BYTES = 104_857_600;

const SIZE_BYTES = 4;

export interface FrameError {
  reason: 'negative-size' | 'frame-too-large';
  size: number;
  maxFrameBytes: number;
  message: string;
}

export interface SplitResult {
  /** Whole frames completed by this chunk, without their size prefix, in arrival order. */
  frames: Uint8Array[];
  /** Set once the stream is unusable; the caller closes the connection. */
  error: FrameError | null;
}

export class FrameSplitter {
  private buf = new Uint8Array(0);
  private start = 0;
  private end = 0;
  private error: FrameError | null = null;

  constructor(readonly maxFrameBytes = DEFAULT_MAX_FRAME_BYTES) {}

  /** Bytes received but not yet part of a whole frame. */
  get pendingBytes(): number {
    return this.end - this.start;
  }

  push(chunk: Uint8Array): SplitResult {
    const frames: Uint8Array[] = [];
    if (this.error) return { frames, error: this.error };
    this.append(chunk);
    while (this.end - this.start >= SIZE_BYTES) {
      const b = this.buf;
      const s = this.start;
      const size = (b[s] << 24) | (b[s + 1] << 16) | (b[s + 2] << 8) | b[s + 3] | 0;
      if (size < 0 || size > this.maxFrameBytes) {
        this.error = frameError(size, this.maxFrameBytes);
        this.buf = new Uint8Array(0);
        this.start = this.end = 0;
        break;
      }
      if (this.end - s < SIZE_BYTES + size) break;
      frames.push(b.slice(s + SIZE_BYTES, s + SIZE_BYTES + size));
      this.start = s + SIZE_BYTES + size;
    }
    return { frames, error: this.error };
  }

  private append(chunk: Uint8Array): void {
    const pending = this.end - this.start;
    if (pending === 0) this.start = this.end = 0;
    if (this.buf.length - this.end < chunk.length) {
      const needed = pending + chunk.length;
      if (needed <= this.buf.length) {
        this.buf.copyWithin(0, this.start, this.end);
      } else {
        const next = new Uint8Array(Math.max(needed, this.buf.length * 2));
        next.set(this.buf.subarray(this.start, this.end));
        this.buf = next;
      }
      this.start = 0;
      this.end = pending;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }
}

function frameError(size: number, maxFrameBytes: number): FrameError {
  return size < 0
    ? { reason: 'negative-size', size, maxFrameBytes, message: `frame size ${size} is negative` }
    : {
        reason: 'frame-too-large',
        size,
        maxFrameBytes,
        message: `frame size ${size} exceeds the limit of ${maxFrameBytes} bytes`,
      };
}

/** Puts the int32 size in front of a payload. */
export function frame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(SIZE_BYTES + payload.length);
  new DataView(out.buffer).setInt32(0, payload.length);
  out.set(payload, SIZE_BYTES);
  return out;
}
