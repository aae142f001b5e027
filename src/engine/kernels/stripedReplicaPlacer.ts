// Replica placement in KRaft mode: Kafka's StripedReplicaPlacer (metadata module), which the
// controller uses for new topics and new partitions. Brokers are grouped by rack; each partition
// takes its first replica (the preferred leader) from the next rack that has an unfenced broker,
// and the others striped over the racks, preferring unfenced brokers but using fenced ones when
// it must. Each rack's broker lists rotate by one every partition ("epoch"); after as many
// partitions as there are unfenced brokers, racks and brokers are shuffled.
//
// Randomness comes from the caller's `randomInt(bound)`, called in the order Kafka calls
// Random.nextInt: each rack's fenced then unfenced list (racks in Java HashMap order) draws its
// start offset, then the rack list draws its own; Collections.shuffle draws from the top down.
// AdminUtils (replicaPlacement.ts) stays for the ZooKeeper-era placement.
import { javaStringHashCode } from './javaHash';
import { JavaHashOrder } from './javaHashMap';

export interface UsableBroker {
  id: number;
  /** null: no rack (Java's Optional.empty()). */
  rack: string | null;
  fenced: boolean;
}

export type StripedResult = { ok: true; assignment: number[][] } | { ok: false; error: string };

type RandomInt = (bound: number) => number;

/** java.util.Collections.shuffle(list, random). */
function javaShuffle<T>(list: T[], randomInt: RandomInt): void {
  for (let i = list.length; i > 1; i--) {
    const j = randomInt(i);
    [list[i - 1], list[j]] = [list[j], list[i - 1]];
  }
}

class BrokerList {
  readonly brokers: number[] = [];
  private index = 0;
  private offset = 0;
  private epoch = 0;

  initialize(randomInt: RandomInt): void {
    if (this.brokers.length === 0) return;
    this.brokers.sort((a, b) => a - b);
    this.offset = randomInt(this.brokers.length);
  }

  shuffle(randomInt: RandomInt): void {
    javaShuffle(this.brokers, randomInt);
  }

  /** The next broker in this epoch's rotation, or -1 when the epoch has used them all. */
  next(epoch: number): number {
    const n = this.brokers.length;
    if (n === 0) return -1;
    if (this.epoch !== epoch) {
      this.epoch = epoch;
      this.index = 0;
      this.offset = (this.offset + 1) % n;
    }
    if (this.index >= n) return -1;
    const broker = this.brokers[(this.index + this.offset) % n];
    this.index++;
    return broker;
  }
}

class Rack {
  readonly fenced = new BrokerList();
  readonly unfenced = new BrokerList();

  initialize(randomInt: RandomInt): void {
    this.fenced.initialize(randomInt);
    this.unfenced.initialize(randomInt);
  }

  shuffle(randomInt: RandomInt): void {
    this.fenced.shuffle(randomInt);
    this.unfenced.shuffle(randomInt);
  }

  next(epoch: number): number {
    const result = this.unfenced.next(epoch);
    return result >= 0 ? result : this.fenced.next(epoch);
  }
}

/** Java's Optional<String>.hashCode: 0 when empty. */
const rackHash = (rack: string | null) => (rack === null ? 0 : javaStringHashCode(rack));
const rackKey = (rack: string | null) => (rack === null ? '' : `r:${rack}`);

/** Kafka's OptionalStringComparator: empty first, then by the string. */
function compareRackNames(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : -1;
  if (b === null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** StripedReplicaPlacer.RackList: the racks and the state of the striping. */
export class RackList {
  private readonly racks = new JavaHashOrder<Rack>();
  readonly rackNames: (string | null)[] = [];
  readonly numTotalBrokers: number;
  readonly numUnfencedBrokers: number;
  private epoch = 0;
  private offset: number;

  constructor(
    private readonly randomInt: RandomInt,
    brokers: readonly UsableBroker[],
  ) {
    let total = 0;
    let unfenced = 0;
    const byName = new Map<string, Rack>();
    for (const b of brokers) {
      const key = rackKey(b.rack);
      let rack = byName.get(key);
      if (!rack) {
        this.rackNames.push(b.rack);
        rack = new Rack();
        byName.set(key, rack);
        this.racks.set(key, rackHash(b.rack), rack);
      }
      if (b.fenced) rack.fenced.brokers.push(b.id);
      else {
        unfenced++;
        rack.unfenced.brokers.push(b.id);
      }
      total++;
    }
    for (const rack of this.racks.values()) rack.initialize(randomInt);
    this.rackNames.sort(compareRackNames);
    this.numTotalBrokers = total;
    this.numUnfencedBrokers = unfenced;
    this.offset = this.rackNames.length === 0 ? 0 : randomInt(this.rackNames.length);
  }

  private rack(name: string | null): Rack {
    return this.racks.get(rackKey(name))!;
  }

  /** The replicas of the next partition (call only after checking the counts, as Kafka does). */
  place(replicationFactor: number): number[] {
    if (this.epoch === this.numUnfencedBrokers && this.numUnfencedBrokers > 1) {
      javaShuffle(this.rackNames, this.randomInt);
      for (const rack of this.racks.values()) rack.shuffle(this.randomInt);
      this.epoch = 0;
    }
    if (this.offset === this.rackNames.length) this.offset = 0;
    const brokers: number[] = [];
    let firstRackIndex = this.offset;
    for (;;) {
      const result = this.rack(this.rackNames[firstRackIndex]).unfenced.next(this.epoch);
      if (result >= 0) {
        brokers.push(result);
        break;
      }
      firstRackIndex++;
      if (firstRackIndex === this.rackNames.length) firstRackIndex = 0;
    }
    let rackIndex = this.offset;
    for (let replica = 1; replica < replicationFactor; replica++) {
      let result = -1;
      do {
        if (rackIndex === firstRackIndex) firstRackIndex = -1;
        else result = this.rack(this.rackNames[rackIndex]).next(this.epoch);
        rackIndex++;
        if (rackIndex === this.rackNames.length) rackIndex = 0;
      } while (result < 0);
      brokers.push(result);
    }
    this.epoch++;
    this.offset++;
    return brokers;
  }
}

/**
 * StripedReplicaPlacer.place: `brokers` are the usable ones (registered, not shutting down) in
 * the controller's order (by id). assignment[i] is the replica list of the i-th new partition.
 */
export function stripedPlace(
  brokers: readonly UsableBroker[],
  numPartitions: number,
  replicationFactor: number,
  randomInt: RandomInt,
): StripedResult {
  const rackList = new RackList(randomInt, brokers);
  if (replicationFactor <= 0)
    return {
      ok: false,
      error: `Invalid replication factor ${replicationFactor}: the replication factor must be positive.`,
    };
  if (rackList.numUnfencedBrokers === 0)
    return { ok: false, error: 'All brokers are currently fenced.' };
  if (replicationFactor > rackList.numTotalBrokers)
    return {
      ok: false,
      error: `The target replication factor of ${replicationFactor} cannot be reached because only ${rackList.numTotalBrokers} broker(s) are registered.`,
    };
  const assignment: number[][] = [];
  for (let p = 0; p < numPartitions; p++) assignment.push(rackList.place(replicationFactor));
  return { ok: true, assignment };
}
