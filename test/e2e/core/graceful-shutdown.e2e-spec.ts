import { describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import { registerUser } from '../../support/auth.js';

describe('graceful shutdown', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    const t = await startTestApp();
    const user = await registerUser(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;

    // A sign-in spends real time hashing; close the app while it runs.
    const inFlight = fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closing = t.close({ dropDatabase: false });

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { accessToken?: string }).accessToken).toBeTruthy();
    await closing;
    await expect(fetch(`${base}/api/health/live`)).rejects.toThrow();
  });
});
