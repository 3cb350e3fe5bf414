import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { addMember, createTenant } from '../../support/factories/tenancy.js';
import {
  ACTORS,
  isTenantScoped,
  ROUTE_MATRIX,
  TENANT_ACTORS,
  type Actor,
  type ProbeContext,
  type ProbeTenant,
  type TenantActor,
} from './route-matrix.js';

type Caller = Actor | TenantActor;

/**
 * Every route of the live OpenAPI document, probed as anonymous, the owner of the resource,
 * another user, staff and admin; tenant-scoped routes also as a plain member of the owner's tenant
 * and as the owner of another tenant. A route missing from the table fails the test: new routes
 * must declare who may call them.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  let documented: string[];
  let other: TestUser;
  let staff: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let outsiderTenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const document = (await t.http().get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    [other, staff, admin, member, outsider] = await Promise.all([
      registerUser(t),
      userWithRole(t, 'staff'),
      userWithRole(t, 'admin'),
      registerUser(t),
      registerUser(t),
    ]);
    outsiderTenantId = (await createTenant(t, outsider)).id;
  });
  afterAll(() => t?.close());

  it('declares every documented route, and documents every declared one', () => {
    expect(documented.filter((route) => !(route in ROUTE_MATRIX))).toEqual([]);
    expect(Object.keys(ROUTE_MATRIX).filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('says what a tenant member and an outsider get on every tenant-scoped route', () => {
    const incomplete = Object.entries(ROUTE_MATRIX)
      .filter(([route, row]) => isTenantScoped(route) && TENANT_ACTORS.some((actor) => row.expect[actor] === undefined))
      .map(([route]) => route);
    expect(incomplete).toEqual([]);
    const outsiderSeesSomething = Object.entries(ROUTE_MATRIX)
      .filter(([route, row]) => isTenantScoped(route) && row.expect.outsider !== 404)
      .map(([route]) => route);
    expect(outsiderSeesSomething).toEqual([]);
  });

  for (const [route, row] of Object.entries(ROUTE_MATRIX)) {
    const callers: Caller[] = isTenantScoped(route) ? [...ACTORS, ...TENANT_ACTORS] : [...ACTORS];
    it(`${route}: ${callers.map((caller) => `${caller} ${row.expect[caller]}`).join(', ')}`, async () => {
      const outcomes: Record<string, number> = {};
      for (const caller of callers) {
        // A fresh owner per probe, so one actor's change (a revoked session, a new role) never decides another's answer.
        const owner = await registerUser(t);
        let tenant: Promise<ProbeTenant> | undefined;
        const context: ProbeContext = {
          t,
          owner,
          other,
          staff,
          admin,
          tenant: () =>
            (tenant ??= createTenant(t, owner).then(async ({ id }) => {
              await addMember(t, id, owner, member, 'member');
              return { id, member, outsider, outsiderTenantId };
            })),
        };
        const probe = await row.request(context);
        const [method, template] = route.split(' ');
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => probe.params?.[name] ?? `missing-${name}`);
        let call = t.http()[method.toLowerCase() as 'get'](path);
        const user = callerOf(caller, context, member, outsider);
        if (user) call = call.set('Authorization', `Bearer ${user.accessToken}`);
        if (probe.query) call = call.query(probe.query);
        const response = probe.body === undefined ? await call : await call.send(probe.body as object);
        outcomes[caller] = response.status;
      }
      expect(outcomes).toEqual(Object.fromEntries(callers.map((caller) => [caller, row.expect[caller]])));
    });
  }
});

function callerOf(caller: Caller, context: ProbeContext, member: TestUser, outsider: TestUser): TestUser | undefined {
  if (caller === 'anonymous') return undefined;
  if (caller === 'member') return member;
  if (caller === 'outsider') return outsider;
  return context[caller];
}
