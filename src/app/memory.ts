// The session's memory budget (issue 16; docs/engine.md "Budgets"): the worker reports with each
// frame what the session retains (an account the engine keeps: a worker cannot measure its own
// heap without cross-origin isolation), the footer shows it against the budget, and from
// WARN_SHARE of the budget on a warning names the biggest contributor and the setting to change.
import type { SessionMemory } from '../worker/protocol';
import type { FrameListener } from './client';
import type { SimStore } from './store';

const MB = 1024 * 1024;

/** The worker's heap budget (docs/engine.md "Budgets"). */
export const MEMORY_BUDGET_BYTES = 512 * MB;
/** The warning shows from this share of the budget on: before the session outgrows it. */
export const WARN_SHARE = 0.75;

export interface MemoryState {
  /** What the worker last reported (null before a scenario is loaded). */
  memory: SessionMemory | null;
  memoryBudget: number;
}

export function initialMemoryState(): MemoryState {
  return { memory: null, memoryBudget: MEMORY_BUDGET_BYTES };
}

/** Nothing: the load's own frame carries the new session's figure (followMemory). */
export function memoryOnLoad(): Partial<MemoryState> {
  return {};
}

/**
 * The budget to use: 512 MB, or `?memoryBudgetMb=N` in the address (N > 0 MB). The address
 * form exists for tests and demonstrations (a few MB make the warning show within seconds);
 * it changes only when the page warns, never what the simulator keeps.
 */
export function memoryBudgetFrom(search: string): number {
  const given = Number(new URLSearchParams(search).get('memoryBudgetMb') ?? '');
  return Number.isFinite(given) && given > 0 ? given * MB : MEMORY_BUDGET_BYTES;
}

export type MemoryLevel = 'ok' | 'warn' | 'over';

/** What holds the most: one topic's logs, or the recorded timeline's checkpoints. */
export type MemoryContributor = { kind: 'topic'; topic: string } | { kind: 'recording' };

export interface MemoryAdvice {
  level: MemoryLevel;
  contributor: MemoryContributor;
  /**
   * The topic holding the most records, or null. Named even when the recording holds more: its
   * checkpoints are copies of the state, which is mostly records, so a lower rate or retention
   * shrinks both.
   */
  topic: string | null;
}

export function memoryAdvice(memory: SessionMemory, budget: number): MemoryAdvice {
  const level: MemoryLevel =
    memory.bytes >= budget ? 'over' : memory.bytes >= budget * WARN_SHARE ? 'warn' : 'ok';
  const top = memory.topTopic;
  const contributor: MemoryContributor =
    top && top.bytes >= memory.recordingBytes
      ? { kind: 'topic', topic: top.topic }
      : { kind: 'recording' };
  return { level, contributor, topic: top?.topic ?? null };
}

/** Bytes as the page shows them: whole MB, one decimal below 10 MB. */
export function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return mb < 10 ? mb.toFixed(1) : String(Math.round(mb));
}

/**
 * Frames -> the store: only when what the page shows changes (the figure in MB, the level or
 * the biggest contributor), so a running session does not re-render the page every frame.
 */
export function followMemory(store: SimStore): FrameListener {
  let shown = '';
  return (frame) => {
    const memory = frame.memory;
    if (!memory) return;
    const budget = store.getState().memoryBudget;
    const advice = memoryAdvice(memory, budget);
    const key = [
      megabytes(memory.bytes),
      advice.level,
      advice.contributor.kind === 'topic' ? `t:${advice.contributor.topic}` : 'r',
    ].join('\u0000');
    if (key === shown && frame.cause !== 'load') return;
    shown = key;
    store.setState({ memory });
  };
}
