import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { personalizationModel, personalize, savePrompt } from '../../support/factories/personalization.js';

const DEFAULTS = {
  display: { theme: 'system', avatarStyle: 'default', language: 'en', fontSize: 'medium' },
  behavior: { tone: 'balanced', verbosity: 'balanced', creativity: 0.5, responseLength: 'medium' },
  customInstructions: '',
};

describe('agent personalization', () => {
  let t: TestApp;
  let staff: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [staff, other] = await Promise.all([userWithRole(t, 'staff'), registerUser(t)]);
  });
  afterAll(() => t?.close());

  it('answers the defaults while nothing is stored, without storing anything', async () => {
    const user = await registerUser(t);
    const answer = await t.http().get('/api/agents/neural-chat/personalization').set(bearer(user));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ agentId: 'neural-chat', customized: false, savedPrompts: [], ...DEFAULTS });
    expect(await personalizationModel(t.app).countDocuments({ userId: user.id })).toBe(0);
    expect((await t.http().get('/api/agents/Not_A_Slug/personalization').set(bearer(user))).status).toBe(400);
  });

  it('merges with PATCH and replaces with PUT, per agent', async () => {
    const user = await registerUser(t);
    const patched = await t
      .http()
      .patch('/api/agents/writer/personalization')
      .set(bearer(user))
      .send({ display: { theme: 'dark' }, behavior: { creativity: 0.9 }, customInstructions: 'Answer in British English.' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      customized: true,
      display: { ...DEFAULTS.display, theme: 'dark' },
      behavior: { ...DEFAULTS.behavior, creativity: 0.9 },
      customInstructions: 'Answer in British English.',
    });
    const again = await t
      .http()
      .patch('/api/agents/writer/personalization')
      .set(bearer(user))
      .send({ display: { fontSize: 'large' } });
    expect(again.body.display).toEqual({ ...DEFAULTS.display, theme: 'dark', fontSize: 'large' });
    expect(again.body.customInstructions).toBe('Answer in British English.');

    const replaced = await t
      .http()
      .put('/api/agents/writer/personalization')
      .set(bearer(user))
      .send({ behavior: { tone: 'direct' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      display: DEFAULTS.display,
      behavior: { ...DEFAULTS.behavior, tone: 'direct' },
      customInstructions: '',
    });
    expect((await t.http().get('/api/agents/coder/personalization').set(bearer(user))).body.customized).toBe(false);
    expect(await personalizationModel(t.app).countDocuments({ userId: user.id })).toBe(1);
  });

  it('refuses values out of their sets and instructions over the configured length', async () => {
    const user = await registerUser(t);
    const send = (body: object) => t.http().patch('/api/agents/writer/personalization').set(bearer(user)).send(body);
    expect((await send({ display: { theme: 'neon' } })).status).toBe(400);
    expect((await send({ behavior: { creativity: 1.5 } })).status).toBe(400);
    expect((await send({ display: { theme: 'dark', sparkles: true } })).status).toBe(400);
    const tooLong = await send({ customInstructions: 'x'.repeat(4001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'customInstructions' })]);
    expect((await send({ customInstructions: 'x'.repeat(4000) })).status).toBe(200);
  });

  it('resets the settings to the defaults and keeps the saved prompts', async () => {
    const user = await registerUser(t);
    await personalize(t.app, user, 'writer');
    await savePrompt(t.app, user, 'writer', { title: 'Keep me' });
    expect((await t.http().delete('/api/agents/writer/personalization').set(bearer(user))).status).toBe(204);
    const after = await t.http().get('/api/agents/writer/personalization').set(bearer(user));
    expect(after.body).toMatchObject(DEFAULTS);
    expect(after.body.savedPrompts.map((prompt: { title: string }) => prompt.title)).toEqual(['Keep me']);
  });

  it('creates, changes, lists and deletes saved prompts', async () => {
    const user = await registerUser(t);
    const created = await t
      .http()
      .post('/api/agents/writer/personalization/prompts')
      .set(bearer(user))
      .send({ title: 'Outline', prompt: 'Outline the article in five headings.', tags: ['structure'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Outline', tags: ['structure'], order: 0 });
    const second = await t
      .http()
      .post('/api/agents/writer/personalization/prompts')
      .set(bearer(user))
      .send({ title: 'Tone', prompt: 'Make it warmer.' });
    expect(second.body.order).toBe(1);

    const changed = await t
      .http()
      .patch(`/api/agents/writer/personalization/prompts/${created.body.id}`)
      .set(bearer(user))
      .send({ title: 'Outline (short)' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: created.body.id, title: 'Outline (short)', prompt: 'Outline the article in five headings.' });

    const listed = await t.http().get('/api/agents/writer/personalization/prompts').set(bearer(user));
    expect(listed.body).toMatchObject({ total: 2, page: 1 });
    expect(listed.body.items.map((prompt: { title: string }) => prompt.title)).toEqual(['Outline (short)', 'Tone']);

    expect((await t.http().delete(`/api/agents/writer/personalization/prompts/${created.body.id}`).set(bearer(user))).status).toBe(204);
    expect((await t.http().delete(`/api/agents/writer/personalization/prompts/${created.body.id}`).set(bearer(user))).status).toBe(404);
    expect((await t.http().get('/api/agents/writer/personalization/prompts').set(bearer(user))).body.total).toBe(1);
    expect(
      (await t.http().post('/api/agents/writer/personalization/prompts').set(bearer(user)).send({ title: '', prompt: 'x' })).status,
    ).toBe(400);
  });

  it('reorders by a permutation of the saved prompts and refuses anything else', async () => {
    const user = await registerUser(t);
    const [a, b, c] = [
      await savePrompt(t.app, user, 'writer'),
      await savePrompt(t.app, user, 'writer'),
      await savePrompt(t.app, user, 'writer'),
    ];
    const reorder = (order: string[]) =>
      t.http().post('/api/agents/writer/personalization/prompts/reorder').set(bearer(user)).send({ order });
    const done = await reorder([c.id, a.id, b.id]);
    expect(done.status).toBe(200);
    expect(done.body.items.map((prompt: { id: string; order: number }) => [prompt.id, prompt.order])).toEqual([
      [c.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);
    expect((await reorder([c.id, a.id])).status).toBe(409);
    expect((await reorder([c.id, a.id, b.id, other.id])).status).toBe(409);
    expect((await reorder([c.id, a.id, a.id])).status).toBe(400);
    expect((await reorder([c.id, a.id, 'nope'])).status).toBe(400);
    const listed = await t.http().get('/api/agents/writer/personalization/prompts').set(bearer(user));
    expect(listed.body.items.map((prompt: { id: string }) => prompt.id)).toEqual([c.id, a.id, b.id]);
  });

  it('keeps each user’s settings to themselves; staff may read them', async () => {
    const user = await registerUser(t);
    await personalize(t.app, user, 'writer', { display: { theme: 'light' }, customInstructions: 'Private note.' });
    const prompt = await savePrompt(t.app, user, 'writer');
    const theirs = await t.http().get('/api/agents/writer/personalization').set(bearer(other));
    expect(theirs.body).toMatchObject({ customized: false, customInstructions: '', savedPrompts: [] });
    expect(
      (await t.http().patch(`/api/agents/writer/personalization/prompts/${prompt.id}`).set(bearer(other)).send({ title: 'x' })).status,
    ).toBe(404);
    expect((await t.http().delete(`/api/agents/writer/personalization/prompts/${prompt.id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().get(`/api/users/${user.id}/agents/writer/personalization`).set(bearer(other))).status).toBe(404);
    const seen = await t.http().get(`/api/users/${user.id}/agents/writer/personalization`).set(bearer(staff));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ customized: true, customInstructions: 'Private note.', display: { theme: 'light' } });
  });

  it('is erased with a deleted account', async () => {
    const leaving = await registerUser(t);
    await personalize(t.app, leaving, 'writer');
    await savePrompt(t.app, leaving, 'coder');
    expect((await t.http().delete('/api/users/me').set(bearer(leaving)).send({ password: leaving.password })).status).toBe(204);
    await t.app.get(EffectsRelay).sweep();
    expect(await personalizationModel(t.app).countDocuments({ userId: leaving.id })).toBe(0);
  });
});
