import { describe, expect, it, vi } from 'vitest';
import { PasswordHasher } from '../../../src/modules/identity/password-hasher.js';
import { startTestApp } from '../../support/app.js';
import { registerUser } from '../../support/auth.js';

describe('graceful shutdown', () => {
  it('finishes a request in flight, then refuses new connections', async () => {
    const t = await startTestApp();
    const user = await registerUser(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;

    // Hold a sign-in inside its handler, so the shutdown starts while it is certainly in flight.
    const hasher = t.app.get(PasswordHasher);
    const verify = hasher.verify.bind(hasher);
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    vi.spyOn(hasher, 'verify').mockImplementation(async (hash, password) => {
      entered();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return verify(hash, password);
    });

    const inFlight = fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    await inHandler;
    const closing = t.close({ dropDatabase: false });

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { accessToken?: string }).accessToken).toBeTruthy();
    await closing;
    await expect(fetch(`${base}/api/health/live`)).rejects.toThrow();
  });
});
