import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { requireCapability } from '../../support/capabilities.js';

describe('expiry by TTL index', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('the server removes refresh sessions and activity past their expiry', async (context) => {
    requireCapability(context, 'ttl');
    // The TTL monitor normally wakes every 60 s; make it prompt for the test.
    await t.connection.db!.admin().command({ setParameter: 1, ttlMonitorSleepSecs: 1 });
    const past = new Date(Date.now() - 1000);
    const userId = new Types.ObjectId();
    await t.connection
      .collection('usersessions')
      .insertOne({ userId, tokenHash: 'x', previousTokenHashes: [], lastSeenAt: past, expiresAt: past });
    await t.connection.collection('useractivities').insertOne({ userId, type: 'login', expiresAt: past, createdAt: past });
    let remaining = 2;
    for (let attempt = 0; attempt < 60 && remaining > 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      remaining =
        (await t.connection.collection('usersessions').countDocuments({ userId })) +
        (await t.connection.collection('useractivities').countDocuments({ userId }));
    }
    expect(remaining).toBe(0);
  });
});
