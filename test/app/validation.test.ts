// The dialogs' own checks say what is wrong with the value typed, with the rule that applies
// (not another field's rule, not a bare "not valid").
import { describe, expect, it } from 'vitest';
import { configValue, newId, topicName, wholeNumber, type Checked } from '../../src/app/validation';
import { createI18n } from '../../src/i18n';

const en = createI18n('en');
const say = (checked: Checked<unknown>) =>
  checked.ok ? 'ok' : en.t(`forms.errors.${checked.problem.key}`, checked.problem.params);

describe('the dialogs say which rule a value breaks', () => {
  it('an id longer than the simulator allows says so, with the limit', () => {
    expect(say(newId('x'.repeat(100_000), 'Producer id', []))).toBe(
      'Producer id may be at most 249 characters long (this one has 100000).',
    );
    expect(say(newId('x'.repeat(249), 'Producer id', []))).toBe('ok');
  });

  it('an id with a space gets the id rule, not the topic-name rule', () => {
    expect(say(newId('my producer', 'Producer id', []))).toBe(
      'Producer id may use letters, digits, ".", "_" and "-" only (no spaces).',
    );
    expect(say(newId('billing/eu', 'Group id', []))).toContain('letters, digits');
    expect(say(newId('checkout', 'Producer id', ['checkout']))).toBe('checkout is already taken.');
  });

  it("an internal topic's name says it is reserved, not that a name is missing", () => {
    expect(say(topicName('__consumer_offsets', []))).toContain("Kafka's internal topics");
    expect(say(topicName('orders!', []))).toContain('A topic name uses only letters');
  });

  it('numbers are read as Kafka reads them: decimal digits only', () => {
    expect(say(wholeNumber('0x2', 'Partitions', { min: 1 }))).toBe(
      'Partitions must be a whole number.',
    );
    expect(say(wholeNumber('1e3', 'Partitions'))).toBe('Partitions must be a whole number.');
    expect(wholeNumber(' 12 ', 'Partitions')).toEqual({ ok: true, value: 12 });
  });

  it('a config value gets its own rule: range, true/false or the allowed values', () => {
    expect(say(configValue('topic', 'min.insync.replicas', '0'))).toBe(
      'min.insync.replicas must be at least 1.',
    );
    expect(say(configValue('topic', 'retention.ms', '1000000000000000000000'))).toContain(
      'must be at most',
    );
    expect(say(configValue('producer', 'enable.idempotence', 'yes'))).toBe(
      'enable.idempotence must be true or false.',
    );
    expect(say(configValue('producer', 'acks', '2'))).toContain('must be one of');
  });
});
