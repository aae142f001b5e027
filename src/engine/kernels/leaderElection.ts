// Partition leader election as KRaft's PartitionChangeBuilder does it (kafka-spec §4.2, §3.4, §3.7).
//
// What happens to the ISR (ELR off, Kafka's default through 4.0):
// 1. Target ISR = the given ISR minus every broker that is not an acceptable leader
//    (`isAcceptable` false = fenced, unregistered or in controlled shutdown). The controller
//    removes such brokers from every ISR when they are fenced or start shutting down, so this is
//    the ISR the election sees.
// 2. The leader is chosen from the target ISR (rules below).
// 3. Recorded ISR: [leader] after an unclean election; otherwise the target ISR, except that an
//    empty target ISR is never recorded: the ISR stays as given (the last member keeps its seat
//    and the partition is offline until it returns).

export type ElectionType = 'online' | 'preferred' | 'controlled-shutdown';

export interface ElectionInput {
  /** Assignment order; replicas[0] is the preferred leader. */
  replicas: readonly number[];
  isr: readonly number[];
  /** -1 when the partition has no leader. */
  currentLeader: number;
  isAcceptable: (brokerId: number) => boolean;
  uncleanEnabled: boolean;
  type: ElectionType;
}

export interface ElectionResult {
  /** -1 = no leader (offline). */
  leader: number;
  isr: number[];
  unclean: boolean;
  /** Leader or ISR differ from the input; a leader change means leaderEpoch + 1. */
  changed: boolean;
}

export const NO_LEADER = -1;

/**
 * - online / controlled-shutdown (Kafka's ONLINE; a shutting-down broker is simply not
 *   acceptable): keep the current leader if it is still in the target ISR and acceptable;
 *   else the first replica in assignment order that is; else, when unclean election is enabled
 *   for the topic (Kafka's UNCLEAN), the first acceptable replica, with ISR = [it]; else none.
 * - preferred: replicas[0] if valid; else keep the current leader if valid; else the next valid
 *   replica in order; never unclean.
 */
export function electLeader(input: ElectionInput): ElectionResult {
  const { replicas, isr, currentLeader, isAcceptable } = input;
  const targetIsr = isr.filter((b) => isAcceptable(b));
  const isValid = (b: number): boolean =>
    b !== NO_LEADER && targetIsr.includes(b) && isAcceptable(b);

  let leader = NO_LEADER;
  let unclean = false;
  if (input.type === 'preferred') {
    if (replicas.length > 0 && isValid(replicas[0])) leader = replicas[0];
    else if (isValid(currentLeader)) leader = currentLeader;
    else leader = replicas.slice(1).find(isValid) ?? NO_LEADER;
  } else if (isValid(currentLeader)) {
    leader = currentLeader;
  } else {
    leader = replicas.find(isValid) ?? NO_LEADER;
    if (leader === NO_LEADER && input.uncleanEnabled) {
      leader = replicas.find((b) => isAcceptable(b)) ?? NO_LEADER;
      unclean = leader !== NO_LEADER;
    }
  }

  let newIsr: number[];
  if (unclean && leader !== currentLeader) newIsr = [leader];
  else if (targetIsr.length > 0) newIsr = targetIsr;
  else newIsr = [...isr];
  const changed = leader !== currentLeader || !sameList(newIsr, isr);
  return { leader, isr: newIsr, unclean: unclean && leader !== currentLeader, changed };
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
