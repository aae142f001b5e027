// Replica placement for a new topic: Kafka's AdminUtils.assignReplicasToBrokers (server-common),
// rack-unaware and rack-aware. The first replica of each partition goes round-robin from a start
// index; the others follow with a shift that grows by one after every full pass over the brokers.
//
// Decisions: brokers are used in the order given, as Kafka's function does (its callers pass them
// sorted by id, so should ours). Rack-aware placement needs a rack on every broker; a mix is an
// error, as in Kafka. When fixedStartIndex is absent, Kafka draws the start index and then the
// shift, each with RAND.nextInt(brokerCount): `randomInt(bound)` is called twice in that order.

export interface PlacementBroker {
  id: number;
  rack?: string | null;
}

export interface PlacementInput {
  brokers: readonly PlacementBroker[];
  numPartitions: number;
  replicationFactor: number;
  /** >= 0 fixes both the start index and the initial shift (Kafka's tests); absent = random. */
  fixedStartIndex?: number;
  /** First partition id to place (adding partitions to a topic); absent or < 0 = 0. */
  startPartitionId?: number;
  /** A uniform int in [0, bound) from the caller's seeded generator. */
  randomInt: (bound: number) => number;
}

export type PlacementResult = { ok: true; assignment: number[][] } | { ok: false; error: string };

/**
 * assignment[i] is the ordered replica list of partition startPartitionId + i (the first replica
 * is the preferred leader).
 */
export function assignReplicasToBrokers(input: PlacementInput): PlacementResult {
  const { brokers, numPartitions, replicationFactor } = input;
  if (numPartitions <= 0) {
    return { ok: false, error: 'number of partitions must be larger than 0' };
  }
  if (replicationFactor <= 0) {
    return { ok: false, error: 'replication factor must be larger than 0' };
  }
  if (replicationFactor > brokers.length) {
    return {
      ok: false,
      error: `replication factor ${replicationFactor} larger than available brokers ${brokers.length}`,
    };
  }
  const withRack = brokers.filter((b) => typeof b.rack === 'string').length;
  if (withRack === 0) {
    return {
      ok: true,
      assignment: placeRackUnaware(
        input,
        brokers.map((b) => b.id),
      ),
    };
  }
  if (withRack < brokers.length) {
    return {
      ok: false,
      error: 'not all brokers have rack information for replica rack aware assignment',
    };
  }
  return { ok: true, assignment: placeRackAware(input) };
}

/** Kafka's AdminUtils.replicaIndex: the j-th follower's index after the first replica. */
function replicaIndex(first: number, shift: number, j: number, brokerCount: number): number {
  const step = 1 + ((shift + j) % (brokerCount - 1));
  return (first + step) % brokerCount;
}

function startIndexAndShift(input: PlacementInput, brokerCount: number): [number, number] {
  const fixed = input.fixedStartIndex ?? -1;
  if (fixed >= 0) return [fixed, fixed];
  const start = input.randomInt(brokerCount);
  const shift = input.randomInt(brokerCount);
  return [start, shift];
}

function placeRackUnaware(input: PlacementInput, brokerIds: readonly number[]): number[][] {
  const n = brokerIds.length;
  const [startIndex, initialShift] = startIndexAndShift(input, n);
  let shift = initialShift;
  let partitionId = Math.max(0, input.startPartitionId ?? -1);
  const assignment: number[][] = [];
  for (let i = 0; i < input.numPartitions; i++, partitionId++) {
    if (partitionId > 0 && partitionId % n === 0) shift += 1;
    const first = (partitionId + startIndex) % n;
    const replicas = [brokerIds[first]];
    for (let j = 0; j < input.replicationFactor - 1; j++) {
      replicas.push(brokerIds[replicaIndex(first, shift, j, n)]);
    }
    assignment.push(replicas);
  }
  return assignment;
}

function placeRackAware(input: PlacementInput): number[][] {
  const rackOf = new Map<number, string>();
  for (const b of input.brokers) rackOf.set(b.id, b.rack as string);
  const arranged = rackAlternatedBrokerList(rackOf);
  const n = arranged.length;
  const numRacks = new Set(rackOf.values()).size;
  const [startIndex, initialShift] = startIndexAndShift(input, n);
  let shift = initialShift;
  let partitionId = Math.max(0, input.startPartitionId ?? -1);
  const assignment: number[][] = [];
  for (let i = 0; i < input.numPartitions; i++, partitionId++) {
    if (partitionId > 0 && partitionId % n === 0) shift += 1;
    const first = (partitionId + startIndex) % n;
    const leader = arranged[first];
    const replicas = [leader];
    const racksUsed = new Set([rackOf.get(leader)]);
    const brokersUsed = new Set([leader]);
    let k = 0;
    for (let j = 0; j < input.replicationFactor - 1; j++) {
      // Skip a broker whose rack already holds a replica while some rack has none, and a broker
      // that already holds one while some broker has none.
      for (;;) {
        const broker = arranged[replicaIndex(first, shift * numRacks, k, n)];
        const rack = rackOf.get(broker);
        k += 1;
        const rackOk = !racksUsed.has(rack) || racksUsed.size === numRacks;
        const brokerOk = !brokersUsed.has(broker) || brokersUsed.size === n;
        if (rackOk && brokerOk) {
          replicas.push(broker);
          racksUsed.add(rack);
          brokersUsed.add(broker);
          break;
        }
      }
    }
    assignment.push(replicas);
  }
  return assignment;
}

/**
 * Brokers alternated by rack: racks sorted by name, brokers of a rack sorted by id, one broker
 * from each rack in turn. {0:r1, 1:r3, 2:r3, 3:r2, 4:r2, 5:r1} -> [0, 3, 1, 5, 4, 2].
 */
export function rackAlternatedBrokerList(rackOf: ReadonlyMap<number, string>): number[] {
  const byRack = new Map<string, number[]>();
  for (const [id, rack] of rackOf) {
    const list = byRack.get(rack);
    if (list) list.push(id);
    else byRack.set(rack, [id]);
  }
  const racks = [...byRack.keys()].sort(compareJavaStrings);
  const lists = racks.map((r) => (byRack.get(r) as number[]).sort((a, b) => a - b));
  const result: number[] = [];
  for (let round = 0; result.length < rackOf.size; round++) {
    for (const list of lists) if (round < list.length) result.push(list[round]);
  }
  return result;
}

/** Java String.compareTo order (UTF-16 code units), which is also JS's default sort order. */
function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
