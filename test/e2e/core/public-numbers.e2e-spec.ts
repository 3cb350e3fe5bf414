import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { openPosting, submitApplication } from '../../support/factories/careers.js';
import { suggestionInput } from '../../support/factories/suggestions.js';

/** Paths that take a document's public number as well as its id (`SUG-000042`, `APP-2026-000123`). */
describe('paths by public number', () => {
  let t: TestApp;
  let member: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    member = await registerUser(t);
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t?.close());

  it('reads and votes on a suggestion by its number as by its id; an unknown number is 404, a malformed one 400', async () => {
    const created = (await t.http().post('/api/suggestions').set(bearer(member)).send(suggestionInput())).body;
    expect(created.suggestionId).toMatch(/^SUG-\d{6}$/);
    const byNumber = await t.http().get(`/api/suggestions/${created.suggestionId}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.id).toBe(created.id);
    const voted = await t.http().post(`/api/suggestions/${created.suggestionId}/vote`).set(bearer(member)).send({ direction: 'up' });
    expect(voted.body).toMatchObject({ id: created.id, votes: { up: 1, down: 0 } });
    expect((await t.http().get('/api/suggestions/SUG-999999999')).status).toBe(404);
    expect((await t.http().get('/api/suggestions/SUG-12')).status).toBe(400);
  });

  it('finds an application by the number its applicant quotes, telling no more than an id would', async () => {
    const posting = await openPosting(t.app, staff);
    const application = await submitApplication(t.app, posting.id);
    const asStaff = await t.http().get(`/api/careers/applications/${application.applicationId}`).set(bearer(staff));
    expect(asStaff.status).toBe(200);
    expect(asStaff.body.id).toBe(application.id);
    // Anonymous, a known and an unknown number get the same answer as a known and an unknown id.
    expect((await t.http().get(`/api/careers/applications/${application.applicationId}`)).status).toBe(401);
    expect((await t.http().get('/api/careers/applications/APP-2031-999999')).status).toBe(401);
    expect((await t.http().get('/api/careers/applications/APP-2031-999999').set(bearer(staff))).status).toBe(404);
  });
});
