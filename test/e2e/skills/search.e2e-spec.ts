import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkillSchema } from '../../../src/modules/skills/schemas/skill.schema.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { requireCapability } from '../../support/capabilities.js';
import { createSkill } from '../../support/factories/skills.js';

type Hit = { id: string; name: string; score: number; matchedTerms?: string[] };

describe('skill search: one route and answer on every server', () => {
  let t: TestApp;
  let javascript: { id: string };
  let testing: { id: string };
  let describesJs: { id: string };
  let library: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    javascript = await createSkill(t, {
      name: 'JavaScript',
      description: 'The language of the web.',
      tags: ['frontend'],
      category: 'programming',
    });
    describesJs = await createSkill(t, {
      name: 'Web Components',
      description: 'Reusable elements written in JavaScript.',
      category: 'programming',
    });
    testing = await createSkill(t, {
      name: 'Testing',
      description: 'Unit and integration tests.',
      keywords: ['quality'],
      category: 'quality',
    });
    library = await createSkill(t, { name: 'Library Design', description: 'Publishing packages.', tags: ['api'], category: 'programming' });
    await createSkill(t, { name: 'Watercolour Painting', description: 'Brushes and pigments.', category: 'art' });
  });
  afterAll(() => t?.close());

  const search = async (query: string): Promise<{ status: number; items: Hit[]; total: number; terms: string[] }> => {
    const answer = await t.http().get(`/api/skills/search?${query}`);
    return { status: answer.status, items: answer.body.items, total: answer.body.total, terms: answer.body.terms };
  };

  it('ranks a name match above a description match, and a plural query finds the singular', async () => {
    const js = await search('q=javascript&highlights=true');
    expect(js.status).toBe(200);
    expect(js.items.map((hit) => hit.id)).toEqual([javascript.id, describesJs.id]);
    expect(js.items[0].score).toBeGreaterThan(js.items[1].score);
    expect(js.items[0].matchedTerms).toEqual(['javascript']);

    const libraries = await search('q=libraries');
    expect(libraries.items.map((hit) => hit.id)).toEqual([library.id]);
    const tests = await search('q=tests');
    expect(tests.items[0].id).toBe(testing.id);
    expect(tests.terms).toEqual(['test']);
  });

  it('applies the list filters to the search, and a query without a match answers an empty page', async () => {
    const filtered = await search('q=javascript&category=quality');
    expect([filtered.status, filtered.total]).toEqual([200, 0]);
    const painting = await search('q=painting brushes');
    expect(painting.items.map((hit) => hit.name)).toEqual(['Watercolour Painting']);
    const none = await search('q=python');
    expect([none.status, none.items, none.total]).toEqual([200, [], 0]);
    expect((await search('q=the')).status).toBe(400);
    expect((await search('q=%20%20')).status).toBe(400);
  });

  it('declares the weighted English text index the $text search ranks by', () => {
    expect(SkillSchema.indexes()).toContainEqual([
      { name: 'text', description: 'text', tags: 'text', keywords: 'text' },
      expect.objectContaining({ weights: { name: 10, tags: 5, keywords: 5, description: 1 }, default_language: 'english' }),
    ]);
  });

  it('through $text on MongoDB: "javascript" finds the JavaScript skill first, "tests" finds Testing', async (context) => {
    requireCapability(context, 'textSearch');
    const js = await search('q=javascript');
    expect(js.items[0].id).toBe(javascript.id);
    const tests = await search('q=tests');
    expect(tests.items.map((hit) => hit.id)).toContain(testing.id);
  });
});
