// Maps keyed by names a user gives (topics, producers, groups, consumers): objects without a
// prototype, so a topic called "constructor" or a group called "__proto__" is just a key, never
// Object.prototype's own property (Kafka accepts such names; so must the engine).

/** An empty map keyed by user-given names. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
