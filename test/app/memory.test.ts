// The page's side of the memory budget (app/memory.ts): the level, the biggest contributor, and
// the address's test budget.
import { describe, expect, it } from 'vitest';
import {
  MEMORY_BUDGET_BYTES,
  megabytes,
  memoryAdvice,
  memoryBudgetFrom,
} from '../../src/app/memory';

const MB = 1024 * 1024;
const memory = (logs: number, recording: number, top: number | null) => ({
  bytes: logs + recording,
  logBytes: logs,
  recordingBytes: recording,
  topTopic: top === null ? null : { topic: 'orders', bytes: top },
});

describe('memory advice', () => {
  it('warns from 75% of the budget and says when it is over', () => {
    expect(memoryAdvice(memory(70 * MB, 4 * MB, 70 * MB), 100 * MB).level).toBe('ok');
    expect(memoryAdvice(memory(71 * MB, 4 * MB, 71 * MB), 100 * MB).level).toBe('warn');
    expect(memoryAdvice(memory(96 * MB, 4 * MB, 96 * MB), 100 * MB).level).toBe('over');
  });

  it('names the topic or the recording, whichever holds more', () => {
    expect(memoryAdvice(memory(80 * MB, 10 * MB, 50 * MB), 100 * MB).contributor).toEqual({
      kind: 'topic',
      topic: 'orders',
    });
    expect(memoryAdvice(memory(30 * MB, 60 * MB, 20 * MB), 100 * MB).contributor).toEqual({
      kind: 'recording',
    });
    expect(memoryAdvice(memory(0, 1 * MB, null), 100 * MB).contributor.kind).toBe('recording');
  });

  it('takes a smaller budget from the address, and 512 MB otherwise', () => {
    expect(memoryBudgetFrom('')).toBe(MEMORY_BUDGET_BYTES);
    expect(memoryBudgetFrom('?memoryBudgetMb=2')).toBe(2 * MB);
    expect(memoryBudgetFrom('?memoryBudgetMb=-1')).toBe(MEMORY_BUDGET_BYTES);
    expect(memoryBudgetFrom('?memoryBudgetMb=abc')).toBe(MEMORY_BUDGET_BYTES);
    expect(megabytes(512 * MB)).toBe('512');
    expect(megabytes(1.25 * MB)).toBe('1.3');
  });
});

describe('memory advice names the topic behind the recording', () => {
  it('names the top topic even when the recording holds more', () => {
    const advice = memoryAdvice(memory(30 * MB, 60 * MB, 20 * MB), 100 * MB);
    expect(advice.contributor.kind).toBe('recording');
    expect(advice.topic).toBe('orders');
  });
});
