// ZooKeeper transaction ids as ZooKeeper itself prints them: the epoch of the leader that
// proposed the transaction in the high 32 bits, a counter in the low 32, written in hex
// (0x100000005 is the fifth transaction of epoch 1). Session ids are printed in hex too.

const LOW_BITS = 2 ** 32;

/** `0x<epoch><counter>` in hex, as zkCli and the server logs show a zxid. */
export function formatZxid(zxid: number): string {
  return hex(zxid);
}

/** The epoch part of a zxid (its high 32 bits). */
export function zxidEpoch(zxid: number): number {
  return Math.floor(zxid / LOW_BITS);
}

/** The counter part of a zxid (its low 32 bits): the how-many-th change of that epoch. */
export function zxidCounter(zxid: number): number {
  return zxid % LOW_BITS;
}

/** A session id as ZooKeeper logs it (0x...). */
export function formatSessionId(sessionId: number): string {
  return hex(sessionId);
}

function hex(n: number): string {
  return `0x${Math.max(0, Math.floor(n)).toString(16)}`;
}
