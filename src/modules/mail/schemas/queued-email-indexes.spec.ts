import { describe, expect, it } from 'vitest';
import { QueuedEmailSchema } from './queued-email.schema.js';

describe('email queue index declarations', () => {
  const keys = () => QueuedEmailSchema.indexes().map(([key]) => key);

  it('queues an email once per idempotency key', () => {
    expect(QueuedEmailSchema.indexes()).toContainEqual([{ idempotencyKey: 1 }, expect.objectContaining({ unique: true })]);
  });

  it('claims by status, priority and due time', () => {
    expect(keys()).toContainEqual({ status: 1, priority: -1, nextAttemptAt: 1 });
  });

  it('backs the admin counts and list, with and without a status', () => {
    expect(keys()).toEqual(
      expect.arrayContaining([
        { status: 1, createdAt: 1 },
        { createdAt: -1, _id: -1 },
      ]),
    );
  });

  it('finds a deleted account’s emails by address', () => {
    expect(keys()).toContainEqual({ to: 1 });
  });
});
