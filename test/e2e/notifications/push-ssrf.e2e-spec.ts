import dns, { type LookupAddress } from 'node:dns';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Types } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import webpush from 'web-push';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';

// A browser's real key pair shape: web-push encrypts the payload before it connects.
const KEYS = {
  p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
  auth: 'tBHItJI5svbpez7KI4CCXg',
};

describe('push endpoints cannot reach internal addresses', () => {
  let t: TestApp;
  let staff: TestUser;
  let listener: Server;
  let port: number;
  let connections = 0;

  beforeAll(async () => {
    // With keys set, pushes are really sent: the path an attacker would aim at.
    const keys = webpush.generateVAPIDKeys();
    process.env.VAPID_PUBLIC_KEY = keys.publicKey;
    process.env.VAPID_PRIVATE_KEY = keys.privateKey;
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    // Stands for an internal service on this host: it must never see a connection.
    listener = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((done) => listener.listen(0, '127.0.0.1', done));
    port = (listener.address() as AddressInfo).port;
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await new Promise<void>((done) => listener?.close(() => done()));
    await t?.close();
  });

  const subscribe = (user: TestUser, endpoint: string) =>
    t.http().post('/api/notifications/subscribe').set(bearer(user)).send({ endpoint, keys: KEYS });

  /** Sends one push notification to the user through the staff route and answers its push outcome. */
  async function pushTo(user: TestUser, title: string) {
    const sent = await t
      .http()
      .post('/api/notifications/send')
      .set(bearer(staff))
      .send({ userIds: [user.id], type: 'community', title, body: 'x', channels: ['push'] });
    expect(sent.status).toBe(201);
    const list = await t.http().get('/api/notifications?type=community').set(bearer(user));
    return list.body.items.find((item: { title: string }) => item.title === title).delivery.push;
  }

  it.each([
    'https://127.0.0.1/push/1',
    'https://[::1]/push',
    'https://169.254.169.254/latest/meta-data/',
    'https://10.0.0.1/',
    'http://example.com/push',
    'https://2130706433/push',
    'https://0x7f.0.0.1/push',
    'https://[::ffff:127.0.0.1]/push',
    'https://[fd00::1]/push',
    'https://100.64.0.1/push',
    'https://localhost/push',
    'https://metadata.google.internal/computeMetadata/v1/',
    'https://user:secret@push.example.com/push',
  ])('refuses to register %s with 400 naming the endpoint', async (endpoint) => {
    const user = await registerUser(t);
    const response = await subscribe(user, endpoint);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'endpoint' })]));
    expect(await t.connection.collection('pushsubscriptions').countDocuments({ userId: new Types.ObjectId(user.id) })).toBe(0);
  });

  it('registers a public https endpoint', async () => {
    const user = await registerUser(t);
    const response = await subscribe(user, 'https://fcm.googleapis.com/fcm/send/abc:APA91b-device');
    expect(response.status).toBe(201);
    expect(response.body.endpoint).toBe('https://fcm.googleapis.com/fcm/send/abc:APA91b-device');
  });

  it('refuses at send time a registered name that now resolves to loopback, records why, and never connects', async () => {
    const user = await registerUser(t);
    const host = `rebind-${user.id}.example.com`;
    expect((await subscribe(user, `https://${host}:${port}/push/device`)).status).toBe(201);
    // The name's DNS answer changes after registration (DNS rebinding): it now points at this host.
    const systemLookup = dns.lookup;
    vi.spyOn(dns, 'lookup').mockImplementation(((hostname: string, options: unknown, callback: unknown) => {
      if (hostname !== host) return (systemLookup as (...args: unknown[]) => void)(hostname, options, callback);
      const answer: LookupAddress[] = [{ address: '127.0.0.1', family: 4 }];
      (callback as (error: null, addresses: LookupAddress[]) => void)(null, answer);
    }) as typeof dns.lookup);

    const push = await pushTo(user, 'rebound');
    expect(push.status).toBe('failed');
    expect(push.reason).toContain(`${host} resolves to 127.0.0.1`);
    expect(connections).toBe(0);
  });

  it('refuses at send time an endpoint stored before the policy, records why, and never connects', async () => {
    const user = await registerUser(t);
    // A row written before registration checked endpoints.
    await t.connection.collection('pushsubscriptions').insertOne({
      userId: new Types.ObjectId(user.id),
      endpoint: `https://localhost:${port}/push/legacy`,
      keys: KEYS,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const push = await pushTo(user, 'legacy');
    expect(push.status).toBe('failed');
    expect(push.reason).toContain('localhost');
    expect(connections).toBe(0);
  });
});
