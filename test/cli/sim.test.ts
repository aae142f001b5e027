// The headless runner (design.md 3.4), called in-process with injected input and output.
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/engine';
import { BUILTIN_SCENARIOS } from '../../src/scenario';
import { EXAMPLES, sim } from './io';

const ids = BUILTIN_SCENARIOS.map((b) => b.id);

describe('sim --json', () => {
  it.each(ids)('%s: one JSON object { seed, until, events, view }, byte-identical twice', (id) => {
    const argv = ['--scenario', `${EXAMPLES}/${id}.json`, '--until', '60000', '--json'];
    const first = sim(argv);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const output = JSON.parse(first.stdout);
    expect(Object.keys(output)).toEqual(['seed', 'until', 'events', 'view']);
    expect(output.until).toBe(60000);
    expect(output.seed).toBe(BUILTIN_SCENARIOS.find((b) => b.id === id)!.scenario.seed);
    expect(output.view.now).toBe(60000);
    // Every event of the run, in time order, up to --until (network traffic included).
    const events = output.events as { type: string; t: number }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'net.sent')).toBe(true);
    expect(events.every((e, i) => i === 0 || e.t >= events[i - 1].t)).toBe(true);
    expect(events.at(-1)!.t).toBeLessThanOrEqual(60000);
    expect(sim(argv).stdout).toBe(first.stdout);
  });

  it('--seed overrides the scenario seed', () => {
    const run = sim([
      '--scenario',
      `${EXAMPLES}/default.json`,
      '--until',
      '1000',
      '--json',
      '--seed',
      '99',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ seed: 99, view: { seed: 99 } });
  });

  it('accepts --flag=value and a built-in scenario id', () => {
    const byFile = sim([
      '--scenario',
      `${EXAMPLES}/leader-election.json`,
      '--until',
      '2000',
      '--json',
    ]);
    const byId = sim(['--scenario=leader-election', '--until=2000', '--json']);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toBe(byFile.stdout);
  });

  it('writes to --out instead of stdout', () => {
    const run = sim(['--scenario', 'default', '--until', '1000', '--json', '--out', 'run.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.files.get('run.json')!)).toMatchObject({ until: 1000 });
  });

  it('prints keys in a fixed order: t and type first, then alphabetical', () => {
    const run = sim(['--scenario', 'default', '--until', '5000', '--json']);
    const view = JSON.parse(run.stdout).view;
    const keys = Object.keys(view);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('sim timeline', () => {
  it('prints the title, and a summary with the record counts', () => {
    const run = sim(['--scenario', 'default', '--until', '10000']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      'Orders: three brokers, one topic, two consumer groups (seed 42, until 10.000s)',
    );
    expect(run.stdout).toMatch(/--- state at 10\.000s ---/);
    expect(run.stdout).toMatch(/records: \d+ acknowledged, \d+ failed/);
  });

  // Needs the real engine: the placeholder emits no events.
  it('leader-election: the crash and the election are written in plain words', () => {
    const run = sim(['--scenario', 'leader-election', '--until', '20000']);
    expect(run.stdout).toMatch(/^ +10\.000s {2}Broker 2 crashed$/m);
    expect(run.stdout).toMatch(
      /Partition orders-\d: broker \d elected leader, epoch \d+ \(was broker 2\)/,
    );
    expect(run.stdout).toMatch(/orders-\d {2}leader [13] /);
  });

  // Needs the real engine: network traffic must exist to be hidden.
  it('hides network traffic unless --verbose', () => {
    const quiet = sim(['--scenario', 'default', '--until', '5000']);
    const verbose = sim(['--scenario', 'default', '--until', '5000', '--verbose']);
    const json = JSON.parse(sim(['--scenario', 'default', '--until', '5000', '--json']).stdout);
    const traffic = (json.events as SimEvent[]).filter((e) => e.type.startsWith('net.'));
    expect(traffic.length).toBeGreaterThan(0);
    expect(quiet.stdout).not.toMatch(/ -> broker:\d /);
    expect(verbose.stdout).toMatch(/ -> broker:\d /);
    const lines = (s: string) => s.split('\n').length;
    expect(lines(verbose.stdout) - lines(quiet.stdout)).toBe(traffic.length);
  });
});

describe('sim refuses bad input', () => {
  it('an invalid scenario: exit 1, every problem named on stderr', () => {
    const bad = JSON.stringify({
      version: 1,
      seed: 1,
      cluster: { brokers: 3 },
      topics: [{ name: 'orders', partitions: 3, replicationFactr: 3 }],
      producers: [{ id: 'p', topic: 'orders', ratePerSec: 'fast' }],
    });
    const run = sim(['--scenario', 'bad.json', '--until', '1000'], { 'bad.json': bad });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('sim: bad.json is not a valid scenario:');
    expect(run.stderr).toContain('topics[0].replicationFactr is not a known field');
    expect(run.stderr).toContain(
      'producers[0].ratePerSec must be a number from 0 to 1000, got "fast"',
    );
  });

  it('invalid JSON: exit 1 with line and column', () => {
    const run = sim(['--scenario', 'broken.json', '--until', '1000'], {
      'broken.json': '{\n  "version": 1,\n  "seed": 1,\n}\n',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "sim: broken.json: invalid JSON at line 4, column 1: trailing comma before '}': JSON allows no comma after the last property\n",
    );
  });

  it('an unreadable file: exit 1', () => {
    const run = sim(['--scenario', 'no/such/file.json', '--until', '1000']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^sim: no\/such\/file\.json: cannot read the file: no such file/);
  });

  it('a directory: exit 1', () => {
    const run = sim(['--scenario', EXAMPLES, '--until', '1000']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot read the file: it is a directory/);
  });

  it.each([
    [[], '--scenario FILE is required'],
    [['--until', '1000'], '--scenario FILE is required'],
    [['--scenario', 'default'], '--until MS is required'],
    [
      ['--scenario', 'default', '--until', 'soon'],
      '--until must be a number of milliseconds >= 0, got "soon"',
    ],
    [
      ['--scenario', 'default', '--until', '-5'],
      '--until must be a number of milliseconds >= 0, got "-5"',
    ],
    [['--scenario', 'default', '--until'], '--until needs a value'],
    [['--scenario', '--until', '5'], '--scenario needs a value'],
    [['--scenario', 'default', '--until', '5', '--seed', 'abc'], '--seed must be a whole number'],
    [['--scenario', 'default', '--until', '5', '--seed', '1.5'], '--seed must be a whole number'],
    [
      ['--scenario', 'default', '--until', '5', '--jsn'],
      'unknown option --jsn (did you mean --json?)',
    ],
    [['--scenario', 'default', '--until', '5', '--colour'], 'unknown option --colour; options:'],
    [['--scenario', 'default', '--until', '5', 'extra'], 'unexpected argument "extra"'],
    [['--scenario', 'a', '--scenario', 'b', '--until', '5'], '--scenario is given twice'],
    [['--scenario', 'default', '--until', '5', '--json=yes'], '--json takes no value'],
  ])('usage error %j: exit 2', (argv, message) => {
    const run = sim(argv as string[]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`sim: ${message}`);
    expect(run.stderr).toContain('--help');
  });

  it('--help: usage on stdout, exit 0, mentions npm run -s', () => {
    const run = sim(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('--scenario FILE --until MS [--seed N] [--json]');
    expect(run.stdout).toContain('npm run -s sim');
    expect(run.stdout).toContain('--out FILE');
    expect(run.stdout).toContain('--verbose');
  });
});
