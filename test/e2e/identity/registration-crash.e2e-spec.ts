import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from '../../support/app-process.js';
import { uniqueEmail } from '../../support/auth.js';
import { until } from '../../support/wait.js';

const SIGN_UPS = 40;

/** What a registration owes must outlive the process that answered it. */
describe('registrations when the process is killed right after answering', () => {
  let db: Connection;
  let dataDir: string;
  let app: AppProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atrium-crash-'));
    db = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName: process.env.MONGODB_DB_NAME }).asPromise();
  });
  afterAll(async () => {
    await app?.kill();
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const welcomes = (emails: string[]) => db.collection('emailqueue').countDocuments({ template: 'welcome', to: { $in: emails } });

  it('sends every welcome email after a SIGKILL once all 40 answered 201 and the app is back', { timeout: 240_000 }, async () => {
    app = await startAppProcess({ JOBS_ENABLED: 'false', DATA_DIR: dataDir });
    const emails = Array.from({ length: SIGN_UPS }, () => uniqueEmail('crash'));
    const statuses = await Promise.all(
      emails.map(async (email) => {
        const response = await fetch(`${app!.base}/api/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: 'long enough password' }),
        });
        return response.status;
      }),
    );
    app.child.kill('SIGKILL');
    await app.exited;
    expect(statuses).toEqual(emails.map(() => 201));
    // Each account was written with the welcome it owes, whatever the killed process got to run.
    const users = await db
      .collection('users')
      .find({ email: { $in: emails } }, { projection: { effects: 1 } })
      .toArray();
    const owing = users.filter((user) =>
      (user.effects as { name: string; key: string }[] | undefined)?.some(
        (effect) => effect.name === 'user.registered>notifications' && effect.key === `welcome:${user._id.toString()}>notifications`,
      ),
    );
    expect(owing).toHaveLength(SIGN_UPS);

    // The restarted app's relay job runs whatever the killed one owed and had not run.
    app = await startAppProcess({ JOBS_ENABLED: 'true', DATA_DIR: dataDir });
    await until(async () => (await welcomes(emails)) === SIGN_UPS, 90_000).catch(() => undefined);
    expect(await welcomes(emails)).toBe(SIGN_UPS);
    const stillOwed = await db
      .collection('users')
      .countDocuments({ email: { $in: emails }, effects: { $elemMatch: { state: { $ne: 'done' } } } });
    expect(stillOwed).toBe(0);
    await app.kill();
  });
});
