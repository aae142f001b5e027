// Shapes shared by the client-side assignors (kafka-spec §6). Partitions are written `topic-N`;
// topic names may contain '-', so the partition number is what follows the LAST '-'.

export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';

export interface AssignorMember {
  memberId: string;
  topics: string[];
  groupInstanceId?: string;
  /** Partitions the member reports owning (cooperative) / owned last generation (sticky). */
  ownedPartitions?: string[];
  /** Generation of ownedPartitions; absent = unknown (Kafka's DEFAULT_GENERATION, -1). */
  generation?: number;
}

/** memberId -> assigned partitions (`topic-N`); every member appears, possibly with []. */
export type Assignment = Record<string, string[]>;

export interface AssignmentDetails {
  assignment: Assignment;
  /**
   * Partitions whose new owner differs from a member that still claims them: partition -> new
   * owner. cooperative-sticky withholds exactly these this round; for the other assignors it
   * is informational (always {} for range/roundrobin, which have no notion of ownership).
   */
  partitionsTransferringOwnership: Record<string, string>;
}
