import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, userWithRole, type TestUser } from '../../support/auth.js';
import { createTenant } from '../../support/factories/tenancy.js';
import { enableVoice } from '../../support/factories/voice-calls.js';

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
  pattern?: string;
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const OBJECT_ID = '^[0-9a-fA-F]{24}$';
// Ids that are not ours to mint, each with a pattern of its own: a favorite's item (an agent's slug, a
// tool's key), an agent's slug, and a lab run's id, which the client that tracks the run chooses.
const FOREIGN_KEYS = new Set(['itemId', 'agentId', 'experimentId']);

/** The server does what /docs-json says, for the mechanisms every route shares. */
describe('the OpenAPI contract', () => {
  let t: TestApp;
  let admin: TestUser;
  let document: Document;
  /** A tenant the admin owns: a random tenant id is 404 before anything about the body is decided. */
  let tenantId: string;

  const resolve = (schema: Schema): Schema => (schema.$ref ? document.components.schemas[schema.$ref.split('/').pop() as string] : schema);
  const concretePath = (path: string) =>
    path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === 'tenantId' ? tenantId : new Types.ObjectId().toHexString()));
  const send = (method: string, path: string) => t.http()[method as 'get'](path).set(bearer(admin));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await userWithRole(t, 'admin');
    tenantId = (await createTenant(t, admin)).id;
    // On a plan with outbound calls: a feature-gated route refuses a plan without the feature (402) before it reads the body.
    await enableVoice(t, tenantId);
    document = (await t.http().get('/docs-json')).body;
  });
  afterAll(() => t?.close());

  describe('methods', () => {
    it('answers a known path asked with another method 405 problem+json with Allow', async () => {
      const response = await t.http().post('/api/health/live');
      expect(response.status).toBe(405);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers.allow).toBe('GET, HEAD');
      expect(response.body).toMatchObject({ status: 405, type: 'urn:atrium:problem:method-not-allowed' });
    });

    it('decides before reading the body or the token', async () => {
      const response = await t.http().put(`/api/users/${new Types.ObjectId().toHexString()}`).set('Content-Type', 'text/plain').send('x');
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
    });

    it('lists in Allow exactly the methods the document declares at each path (and HEAD with GET)', async () => {
      const shape = (template: string) => template.replace(/\{[^}]+\}/g, '{}');
      for (const path of Object.keys(document.paths)) {
        const declared = Object.entries(document.paths)
          .filter(([template]) => shape(template) === shape(path))
          .flatMap(([, operations]) => Object.keys(operations));
        const unserved = METHODS.find((method) => !declared.includes(method)) ?? 'options';
        const response = await send(unserved, concretePath(path));
        expect(response.status, `${unserved.toUpperCase()} ${path}`).toBe(405);
        const expected = new Set([...declared.map((method) => method.toUpperCase()), ...(declared.includes('get') ? ['HEAD'] : [])]);
        expect(String(response.headers.allow).split(', '), path).toEqual([...expected].sort());
      }
    });

    it('takes a static segment for its own resource, not for an id of a parametric neighbour', async () => {
      const readAll = await t.http().delete('/api/notifications/read-all').set(bearer(admin));
      expect(readAll.status).toBe(405);
      expect(readAll.headers.allow).toBe('PUT');
      const intent = await t.http().get('/api/payments/intent').set(bearer(admin));
      expect(intent.status).toBe(405);
      expect(intent.headers.allow).toBe('POST');
      expect((await t.http().delete('/api/notifications/not-an-id').set(bearer(admin))).status).toBe(400);
    });

    it('still answers an unknown path 404', async () => {
      const response = await t.http().delete('/api/no-such-thing').set(bearer(admin));
      expect(response.status).toBe(404);
      expect(response.headers.allow).toBeUndefined();
    });
  });

  describe('request bodies', () => {
    const requestSchemas = () =>
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([, operation]) => operation.requestBody?.content['application/json'])
          .map(([method, operation]) => ({
            where: `${method.toUpperCase()} ${path}`,
            schema: operation.requestBody!.content['application/json'].schema,
          })),
      );

    it('declares additionalProperties: false on every DTO body and every object nested in one', () => {
      const seen = new Set<Schema>();
      const walk = (schema: Schema, where: string) => {
        const resolved = resolve(schema);
        if (seen.has(resolved)) return;
        seen.add(resolved);
        for (const part of resolved.allOf ?? []) walk(part, where);
        if (resolved.items) walk(resolved.items, where);
        if (!resolved.properties) return;
        expect(resolved.additionalProperties, `${where}: ${schema.$ref ?? 'inline'}`).toBe(false);
        for (const property of Object.values(resolved.properties)) walk(property, where);
      };
      const bodies = requestSchemas().filter(({ schema }) => schema.$ref);
      expect(bodies.length).toBeGreaterThan(20);
      for (const { where, schema } of bodies) walk(schema, where);
    });

    it('refuses a property the schema does not declare, at the top and nested', async () => {
      const top = await t.http().patch('/api/users/me').set(bearer(admin)).send({ nickname: 'x' });
      expect(top.status).toBe(400);
      expect(top.body.errors).toEqual([{ field: 'nickname', message: 'property nickname should not exist' }]);
      const nested = await t
        .http()
        .patch('/api/users/me')
        .set(bearer(admin))
        .send({ profile: { bio: 'hi', shoeSize: 44 } });
      expect(nested.status).toBe(400);
      expect(nested.body.errors).toEqual([{ field: 'profile.shoeSize', message: 'property shoeSize should not exist' }]);
      const me = await t.http().get('/api/users/me').set(bearer(admin));
      expect(me.body.profile.bio).toBeUndefined();
    });

    it('answers 400 "a JSON body is required" when a required body is missing, and changes nothing', async () => {
      const before = (await t.http().get('/api/notifications/settings').set(bearer(admin))).body;
      for (const [method, path] of [
        ['patch', '/api/users/me'],
        ['put', '/api/notifications/settings'],
        ['post', '/api/presence/heartbeat'],
      ]) {
        const response = await send(method, path);
        expect(response.status, `${method} ${path}`).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body.detail).toBe('A JSON body is required.');
      }
      const nullBody = await t.http().patch('/api/users/me').set(bearer(admin)).set('Content-Type', 'application/json').send('null');
      expect(nullBody.status).toBe(400);
      expect((await t.http().get('/api/notifications/settings').set(bearer(admin))).body).toEqual(before);
      const presence = await t.http().get(`/api/presence/${admin.id}`).set(bearer(admin));
      expect(presence.body.status).toBe('offline');
    });

    it('refuses null for an optional field, at any depth, and stores nothing', async () => {
      const before = (await t.http().get('/api/users/me').set(bearer(admin))).body;
      const response = await t
        .http()
        .patch('/api/users/me')
        .set(bearer(admin))
        .send({ profile: { timezone: null, bio: 'new' }, preferences: { marketingEmails: null } });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'profile.timezone', message: 'must not be null; omit it instead' },
        { field: 'preferences.marketingEmails', message: 'must not be null; omit it instead' },
      ]);
      const after = (await t.http().get('/api/users/me').set(bearer(admin))).body;
      expect(after.profile).toEqual(before.profile);
      expect(after.preferences).toEqual(before.preferences);
    });

    it('still accepts an empty object where every field is optional', async () => {
      const response = await t.http().patch('/api/users/me').set(bearer(admin)).send({});
      expect(response.status).toBe(200);
    });

    it('answers 4xx, never 2xx, for every operation whose body is required and missing', async () => {
      const required = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([, operation]) => operation.requestBody?.required)
          .map(([method, operation]) => {
            // A route that authenticates its sender by a header (a provider's webhook secret or signature) refuses the
            // sender first: 401, or 400 where the provider's convention is a bad request (Stripe's signature).
            const signed = (operation.parameters ?? []).some((p) => p.in === 'header' && p.required);
            return [method, path, signed ? [400, 401] : [operation.requestBody?.content?.['application/json'] ? 400 : 415]] as const;
          }),
      );
      expect(required.length).toBeGreaterThan(20);
      // A JSON body that is missing is a bad request; an upload route that was sent no multipart body was
      // sent the wrong media type.
      for (const [method, path, statuses] of required) {
        const response = await send(method, concretePath(path));
        expect(statuses, `${method.toUpperCase()} ${path} answered ${response.status}`).toContain(response.status);
      }
    });
  });

  describe('responses', () => {
    it('replays an idempotent answer exactly as it was first sent (no field turned null)', async () => {
      const key = `contract-${new Types.ObjectId().toHexString()}`;
      const create = () =>
        t.http().post('/api/payments/intent').set(bearer(admin)).set('Idempotency-Key', key).send({ amount: 1999, currency: 'EUR' });
      const first = await create();
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      const replay = await create();
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(first.body);
    });
  });

  describe('schema-valid requests', () => {
    it('issues the invoice of a succeeded payment whatever description the schema allowed', async () => {
      for (const description of ['', 'x'.repeat(500)]) {
        const payment = await t
          .http()
          .post('/api/billing/transactions')
          .set(bearer(admin))
          .send({ amount: 1999, currency: 'EUR', description });
        expect(payment.status, JSON.stringify(payment.body)).toBe(201);
        const succeeded = await t
          .http()
          .patch(`/api/billing/transactions/${payment.body.id}/status`)
          .set(bearer(admin))
          .send({ status: 'succeeded' });
        expect(succeeded.status, JSON.stringify(succeeded.body)).toBe(200);
        const invoice = await t.http().get(`/api/payments/${payment.body.id}/invoice`).set(bearer(admin));
        expect(invoice.status).toBe(200);
        expect(invoice.body.lines[0].description.length).toBeGreaterThan(0);
      }
    });
  });

  describe('ids', () => {
    it('documents every path id with its 24-hex pattern, and every other path key with a pattern of its own', () => {
      const ids = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.values(operations).flatMap((operation) =>
          (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => ({ where: `${operation.operationId} ${path}`, p })),
        ),
      );
      expect(ids.length).toBeGreaterThan(20);
      const undocumented = ids
        .filter(({ p }) =>
          (p.name === 'id' || p.name.endsWith('Id')) && !FOREIGN_KEYS.has(p.name)
            ? p.schema?.pattern !== OBJECT_ID && !p.schema?.pattern?.startsWith(`^(${OBJECT_ID.slice(1, -1)}|`)
            : !/^\^.*\$$/.test(String(p.schema?.pattern)),
        )
        .map(({ where, p }) => `${where} ${p.name}: ${String(p.schema?.pattern)}`);
      expect(undocumented).toEqual([]);
    });

    it('refuses what the pattern refuses, and accepts what it allows', async () => {
      expect((await t.http().get('/api/users/not-an-id').set(bearer(admin))).status).toBe(400);
      expect((await t.http().get(`/api/users/${admin.id.toUpperCase()}`).set(bearer(admin))).status).toBe(200);
    });
  });
});
