import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { requireCapability } from '../../support/capabilities.js';
import { activityModel, expireActivity, expireSession, sessionModel, signedInAccount } from '../../support/factories/identity.js';

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
    const user = await signedInAccount(t.app);
    const userId = new Types.ObjectId(user.id);
    await expireSession(t.app, user.sessionId);
    await expireActivity(t.app, user.id);
    let remaining = Infinity;
    for (let attempt = 0; attempt < 60 && remaining > 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      remaining = (await sessionModel(t.app).countDocuments({ userId })) + (await activityModel(t.app).countDocuments({ userId }));
    }
    expect(remaining).toBe(0);
  });
});
