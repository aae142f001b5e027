// Which broker a client asks for metadata or its coordinator: like Kafka's "least loaded node",
// it avoids brokers whose requests recently failed (the one that failed longest ago comes first).
export function pickBroker(known: number[], failedAt: Record<string, number>): number {
  const list = known.length > 0 ? known : [1];
  let best = list[0];
  for (const id of list) if ((failedAt[id] ?? 0) < (failedAt[best] ?? 0)) best = id;
  return best;
}
