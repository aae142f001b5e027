// The engine's only source of randomness: a seeded xoroshiro128+ generator (pure-rand) whose
// state is plain numbers, saved with the engine so a restored engine draws the same numbers.
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export class Rng {
  private gen: JumpableRandomGenerator;

  private constructor(gen: JumpableRandomGenerator) {
    this.gen = gen;
  }

  static fromSeed(seed: number): Rng {
    return new Rng(xoroshiro128plus(seed | 0));
  }

  static fromState(state: readonly number[]): Rng {
    return new Rng(xoroshiro128plusFromState(state));
  }

  state(): number[] {
    return [...this.gen.getState()];
  }

  /** A signed int32, as Java's Random.nextInt() would give (used where Kafka draws one). */
  int32(): number {
    return this.gen.next() | 0;
  }

  /** An integer in [0, bound). */
  below(bound: number): number {
    if (bound <= 1) return 0;
    return (this.gen.next() >>> 0) % bound;
  }

  /** A float in [0, 1). */
  float(): number {
    return (this.gen.next() >>> 0) / 4294967296;
  }

  /** Eight lowercase hex digits, for member ids (Kafka uses a UUID there). */
  hex8(): string {
    return (this.gen.next() >>> 0).toString(16).padStart(8, '0');
  }
}
