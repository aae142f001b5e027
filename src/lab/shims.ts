// What KafkaJS expects of Node, set up in the lab worker before KafkaJS loads: a global Buffer,
// `global`, and a `process` with an empty environment and hrtime (its connection timing).
import { Buffer } from 'buffer';

const scope = globalThis as unknown as Record<string, unknown>;

function hrtime(previous?: [number, number]): [number, number] {
  const ms = performance.now();
  const seconds = Math.floor(ms / 1000);
  const nanos = Math.floor((ms - seconds * 1000) * 1e6);
  if (!previous) return [seconds, nanos];
  let ds = seconds - previous[0];
  let dn = nanos - previous[1];
  if (dn < 0) {
    ds -= 1;
    dn += 1e9;
  }
  return [ds, dn];
}

scope.global ??= globalThis;
scope.Buffer ??= Buffer;
scope.process ??= { env: {}, hrtime };
