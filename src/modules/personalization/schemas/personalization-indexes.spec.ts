import { describe, expect, it } from 'vitest';
import { AgentPersonalizationSchema } from './agent-personalization.schema.js';

describe('personalization index declarations', () => {
  it('keeps one document per user and agent, which the upserts rely on', () => {
    expect(AgentPersonalizationSchema.indexes()).toContainEqual([{ userId: 1, agentId: 1 }, expect.objectContaining({ unique: true })]);
  });
});
