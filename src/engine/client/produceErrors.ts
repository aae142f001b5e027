// Which produce errors a producer retries, and after which it refreshes metadata first: shared by
// the built-in producer and the picture of a real client's (KafkaJS retries the same ones).

/** Errors after which the producer refreshes metadata before retrying (leadership moved). */
export const REFRESH_ERRORS: ReadonlySet<string> = new Set([
  'NOT_LEADER_OR_FOLLOWER',
  'LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'FENCED_LEADER_EPOCH',
  'NETWORK_EXCEPTION',
  'REQUEST_TIMED_OUT',
]);

/** Errors a producer retries (Kafka's RetriableException). */
export const RETRIABLE_ERRORS: ReadonlySet<string> = new Set([
  ...REFRESH_ERRORS,
  'NOT_ENOUGH_REPLICAS',
  'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
  'UNKNOWN_LEADER_EPOCH',
]);
