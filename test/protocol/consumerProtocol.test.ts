// Consumer-protocol payloads: KafkaJS's MemberMetadata/MemberAssignment against ours, and the
// versions Java clients send.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeAssignment,
  decodeSubscription,
  encodeAssignment,
  encodeSubscription,
  type ConsumerSubscription,
} from '../../src/protocol';
import { MemberAssignment, MemberMetadata, plain } from './kafkajs';
import { fcParams } from './seed';

describe('Subscription', () => {
  it('reads what KafkaJS writes (version 0, with user data)', () => {
    const bytes = MemberMetadata.encode({
      version: 0,
      topics: ['orders', '支付'],
      userData: Buffer.from([7, 8]),
    });
    expect(decodeSubscription(bytes)).toEqual({
      ok: true,
      value: {
        version: 0,
        topics: ['orders', '支付'],
        userData: new Uint8Array([7, 8]),
        ownedPartitions: [],
        generationId: -1,
        rackId: null,
      },
    });
  });

  it('writes what KafkaJS reads', () => {
    const bytes = encodeSubscription({
      version: 0,
      topics: ['orders'],
      userData: new Uint8Array(0),
      ownedPartitions: [],
      generationId: -1,
      rackId: null,
    });
    expect(MemberMetadata.decode(Buffer.from(bytes))).toEqual({
      version: 0,
      topics: ['orders'],
      userData: Buffer.alloc(0),
    });
    expect(plain(bytes)).toEqual(plain(MemberMetadata.encode({ version: 0, topics: ['orders'] })));
  });

  it('versions 0-3 round-trip with the fields each version has', () => {
    const topicPartitions = fc.array(
      fc.record({
        topic: fc.string({ maxLength: 8 }),
        partitions: fc.array(fc.nat(100), { maxLength: 4 }),
      }),
      { maxLength: 3 },
    );
    const subscription = fc
      .record({
        version: fc.integer({ min: 0, max: 3 }),
        topics: fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
        userData: fc.option(fc.uint8Array({ maxLength: 8 }), { nil: null }),
        ownedPartitions: topicPartitions,
        generationId: fc.integer({ min: -1, max: 1000 }),
        rackId: fc.option(fc.string({ maxLength: 5 }), { nil: null }),
      })
      .map((s): ConsumerSubscription => ({
        ...s,
        ownedPartitions: s.version >= 1 ? s.ownedPartitions : [],
        generationId: s.version >= 2 ? s.generationId : -1,
        rackId: s.version >= 3 ? s.rackId : null,
      }));
    fc.assert(
      fc.property(subscription, (s) => {
        expect(decodeSubscription(encodeSubscription(s))).toEqual({ ok: true, value: s });
      }),
      fcParams(200),
    );
  });

  it('reads a newer version with the version-3 layout, as Java does', () => {
    const v3 = encodeSubscription({
      version: 3,
      topics: ['t'],
      userData: null,
      ownedPartitions: [{ topic: 't', partitions: [1] }],
      generationId: 5,
      rackId: 'r1',
    });
    const v9 = v3.slice();
    new DataView(v9.buffer).setInt16(0, 9);
    expect(decodeSubscription(v9)).toMatchObject({
      ok: true,
      value: { version: 9, rackId: 'r1', generationId: 5 },
    });
  });

  it('refuses a negative version and reports a truncated payload by field', () => {
    expect(decodeSubscription(new Uint8Array([0xff, 0xff]))).toMatchObject({
      ok: false,
      error: { reason: 'unsupported-version', field: 'subscription.version' },
    });
    expect(
      decodeSubscription(new Uint8Array([0, 1, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff])),
    ).toMatchObject({
      ok: false,
      error: { reason: 'truncated', field: 'subscription.ownedPartitions' },
    });
    expect(() => encodeSubscription({ version: 4 } as ConsumerSubscription)).toThrow(RangeError);
  });
});

describe('Assignment', () => {
  it('reads what KafkaJS writes', () => {
    const bytes = MemberAssignment.encode({
      version: 0,
      assignment: { orders: [0, 2], audit: [1] },
    });
    expect(decodeAssignment(bytes)).toEqual({
      ok: true,
      value: {
        version: 0,
        assignedPartitions: [
          { topic: 'orders', partitions: [0, 2] },
          { topic: 'audit', partitions: [1] },
        ],
        userData: new Uint8Array(0),
      },
    });
  });

  it('writes what KafkaJS reads', () => {
    const bytes = encodeAssignment({
      version: 0,
      assignedPartitions: [{ topic: 'orders', partitions: [1] }],
      userData: null,
    });
    expect(MemberAssignment.decode(Buffer.from(bytes))).toMatchObject({
      version: 0,
      assignment: { orders: [1] },
    });
  });

  it('an empty payload (a SyncGroup error) is a truncated version, not a crash', () => {
    expect(decodeAssignment(new Uint8Array(0))).toMatchObject({
      ok: false,
      error: { reason: 'truncated', field: 'assignment.version' },
    });
  });
});
