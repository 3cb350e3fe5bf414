import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser } from '../../support/auth.js';
import { personalizationModel } from '../../support/factories/personalization.js';

describe('the saved-prompts cap per agent', () => {
  let t: TestApp;

  beforeAll(async () => {
    process.env.PERSONALIZATION_MAX_SAVED_PROMPTS = '5';
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('holds when twenty prompts are saved at once, the first of them creating the settings', async () => {
    const user = await registerUser(t);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        t
          .http()
          .post('/api/agents/writer/personalization/prompts')
          .set(bearer(user))
          .send({ title: `P${index}`, prompt: 'Go.' }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(5);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(refused).toHaveLength(15);
    expect(refused[0].body).toMatchObject({ type: 'urn:atrium:problem:saved-prompts-limit', limit: 5 });
    const stored = await personalizationModel(t.app).find({ userId: user.id }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0].savedPrompts).toHaveLength(5);
  });

  it('frees a place when a prompt is deleted, and counts per agent', async () => {
    const user = await registerUser(t);
    const add = (agent: string) =>
      t.http().post(`/api/agents/${agent}/personalization/prompts`).set(bearer(user)).send({ title: 'T', prompt: 'Go.' });
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) ids.push((await add('writer')).body.id);
    expect((await add('writer')).status).toBe(409);
    expect((await add('coder')).status).toBe(201);
    expect((await t.http().delete(`/api/agents/writer/personalization/prompts/${ids[0]}`).set(bearer(user))).status).toBe(204);
    expect((await add('writer')).status).toBe(201);
  });
});
