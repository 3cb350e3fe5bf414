import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { ACTORS, ROUTE_MATRIX, type Actor, type ProbeContext } from './route-matrix.js';

/**
 * Every route of the live OpenAPI document, probed as anonymous, the owner of the resource,
 * another user, staff and admin. A route missing from the table fails the test: new routes
 * must declare who may call them.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  let documented: string[];
  let other: TestUser;
  let staff: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    const document = (await t.http().get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    [other, staff, admin] = await Promise.all([registerUser(t), userWithRole(t, 'staff'), userWithRole(t, 'admin')]);
  });
  afterAll(() => t?.close());

  it('declares every documented route, and documents every declared one', () => {
    expect(documented.filter((route) => !(route in ROUTE_MATRIX))).toEqual([]);
    expect(Object.keys(ROUTE_MATRIX).filter((route) => !documented.includes(route))).toEqual([]);
  });

  for (const [route, row] of Object.entries(ROUTE_MATRIX)) {
    it(`${route}: ${ACTORS.map((actor) => `${actor} ${row.expect[actor]}`).join(', ')}`, async () => {
      const outcomes: Record<string, number> = {};
      for (const actor of ACTORS) {
        // A fresh owner per probe, so one actor's change (a revoked session, a new role) never decides another's answer.
        const owner = await registerUser(t);
        const context: ProbeContext = { t, owner, other, staff, admin };
        const probe = await row.request(context);
        const [method, template] = route.split(' ');
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => probe.params?.[name] ?? `missing-${name}`);
        let call = t.http()[method.toLowerCase() as 'get'](path);
        const caller = callerOf(actor, context);
        if (caller) call = call.set('Authorization', `Bearer ${caller.accessToken}`);
        if (probe.query) call = call.query(probe.query);
        const response = probe.body === undefined ? await call : await call.send(probe.body as object);
        outcomes[actor] = response.status;
      }
      expect(outcomes).toEqual(row.expect);
    });
  }
});

function callerOf(actor: Actor, context: ProbeContext): TestUser | undefined {
  return actor === 'anonymous' ? undefined : context[actor];
}
