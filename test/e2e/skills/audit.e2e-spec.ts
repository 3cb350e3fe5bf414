import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, userWithRole, type TestUser } from '../../support/auth.js';

type Entry = { action: string; actor: { id?: string; role: string }; changedFields: string[] };

/** Staff curating the catalogue leave one audit entry per write, readable by target in the staff log. */
describe('the catalogue’s staff writes in the audit log', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t?.close());

  const about = async (targetId: string): Promise<Entry[]> => {
    const response = await t.http().get('/api/audit-logs').query({ targetId }).set(bearer(staff));
    expect(response.status).toBe(200);
    return response.body.items as Entry[];
  };

  it('records the creation, an edit with the fields it changed, and the deletion, each by the staff member', async () => {
    const created = await t.http().post('/api/skills').set(bearer(staff)).send({ name: 'Audited Skill', category: 'data', difficulty: 3 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await t.http().put(`/api/skills/${id}`).set(bearer(staff)).send({ difficulty: 6 })).status).toBe(200);
    expect((await t.http().delete(`/api/skills/${id}`).set(bearer(staff))).status).toBe(204);

    const entries = await about(id);
    expect(entries.map((entry) => entry.action).sort()).toEqual(['skill.created', 'skill.deleted', 'skill.updated']);
    expect(entries.every((entry) => entry.actor.id === staff.id && entry.actor.role === 'staff')).toBe(true);
    expect(entries.find((entry) => entry.action === 'skill.updated')?.changedFields).toEqual(['difficulty']);
  });
});
