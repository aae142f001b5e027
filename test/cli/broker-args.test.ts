// `npm run broker`'s command line: defaults, and a message that names the flag for each mistake.
import { describe, expect, it } from 'vitest';
import { DEFAULT_APP_PORT, DEFAULT_PORT, parseBrokerArgs } from '../../src/cli/brokerArgs';

describe('npm run broker arguments', () => {
  it('defaults to port 9092 and a plain cluster', () => {
    expect(parseBrokerArgs([])).toEqual({
      kind: 'run',
      options: {
        scenario: undefined,
        port: DEFAULT_PORT,
        appPort: DEFAULT_APP_PORT,
        seed: undefined,
        preset: undefined,
        events: false,
      },
    });
    expect(DEFAULT_PORT).toBe(9092);
    expect(DEFAULT_APP_PORT).toBe(8090);
  });

  it('reads every flag, with = or a separate value', () => {
    expect(
      parseBrokerArgs([
        '--scenario',
        'leader-election',
        '--port=19092',
        '--app-port',
        '18090',
        '--seed',
        '7',
        '--preset',
        'classroom',
        '--events',
      ]),
    ).toEqual({
      kind: 'run',
      options: {
        scenario: 'leader-election',
        port: 19092,
        appPort: 18090,
        seed: 7,
        preset: 'classroom',
        events: true,
      },
    });
    expect(parseBrokerArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('names the flag and the rule for each mistake', () => {
    const message = (argv: string[]) => {
      const parsed = parseBrokerArgs(argv);
      return parsed.kind === 'usage-error' ? parsed.message : null;
    };
    expect(message(['--prot', '1'])).toMatch(/unknown option --prot \(did you mean --port\?\)/);
    expect(message(['--port', '70000'])).toMatch(/--port must be a whole number from 1 to 65000/);
    expect(message(['--port', 'abc'])).toMatch(/--port must be/);
    expect(message(['--app-port', '0'])).toMatch(
      /--app-port must be a whole number from 1 to 65535/,
    );
    expect(message(['--seed', '-1'])).toMatch(/--seed needs a value|--seed must be/);
    expect(message(['--preset', 'fast'])).toMatch(/--preset must be kafka-defaults or classroom/);
    expect(message(['--events=yes'])).toMatch(/--events takes no value/);
    expect(message(['--port', '1', '--port', '2'])).toMatch(/--port is given twice/);
    expect(message(['9092'])).toMatch(/unexpected argument "9092"/);
  });
});
