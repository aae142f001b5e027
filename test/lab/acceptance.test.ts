// The code lab's acceptance program (acceptance.program.js) run in Node, by the lab's own
// runner (src/lab/runCode.ts), against an engine paced by the wall clock: the same text the
// browser's code lab runs in test/e2e/code-lab.spec.ts.
import { readFileSync } from 'node:fs';
import * as kafkajs from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { formatArgs, runLabCode } from '../../src/lab/runCode';
import { scenario } from '../engine/helpers';
import { PacedCluster } from '../bridge/pacedCluster';

const PROGRAM = readFileSync(new URL('./acceptance.program.js', import.meta.url), 'utf8');

let cluster: PacedCluster | null = null;
afterEach(() => cluster?.stop());

describe('the code lab acceptance program', () => {
  it('passes against the simulated cluster in Node', async () => {
    const c = (cluster = new PacedCluster(
      scenario({
        seed: 21,
        preset: 'kafka-defaults',
        cluster: { brokers: 3, config: { 'group.initial.rebalance.delay.ms': 300 } },
      }),
    ));
    class Kafka extends kafkajs.Kafka {
      constructor(config: kafkajs.KafkaConfig) {
        super({ ...config, logLevel: kafkajs.logLevel.NOTHING, socketFactory: c.socketFactory });
      }
    }
    const output: string[] = [];
    await runLabCode(
      PROGRAM,
      { ...kafkajs, Kafka },
      {
        log: (...args) => output.push(formatArgs(args)),
        error: (...args) => output.push(formatArgs(args)),
      },
    );
    expect(output.at(-1)).toBe('PASS all');
    expect(output.filter((l) => l.startsWith('PASS')).length).toBe(9);
  }, 60_000);
});
