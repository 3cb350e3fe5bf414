import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { trusted, Types, type Model } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { User } from '../../modules/identity/schemas/user.schema.js';
import { FONT_SIZES, THEMES, TONES, VERBOSITIES } from '../../modules/personalization/personalization-fields.js';
import { AgentPersonalization } from '../../modules/personalization/schemas/agent-personalization.schema.js';
import type { SeedProgress } from '../seed-progress.js';

const DEMO_EMAIL = 'user@atrium.test';
const USERS = 100;
const AGENTS = ['neural-chat', 'code-assistant', 'writer'] as const;
const PROMPTS = [
  { title: 'Summarize', prompt: 'Summarize the text below in five bullet points.', tags: ['summary'] },
  { title: 'Explain simply', prompt: 'Explain this as you would to a new colleague.', tags: ['learning'] },
  { title: 'Review', prompt: 'Point out what is unclear or wrong in the following.', tags: ['review'] },
];

const seededId = (...parts: (string | number)[]) =>
  new Types.ObjectId(
    createHash('sha256')
      .update(`seed-personalization:${parts.join(':')}`)
      .digest('hex')
      .slice(0, 24),
  );

/**
 * Settings for one agent each for the demo user and the first seeded users, with a couple of saved prompts.
 * Ids derive from the user and the agent, so a rerun finds them and inserts nothing.
 */
export async function seedPersonalization(app: INestApplicationContext, progress: SeedProgress): Promise<number> {
  const users = app.get<Model<User>>(getModelToken(User.name));
  const personalizations = app.get<Model<AgentPersonalization>>(getModelToken(AgentPersonalization.name));
  const demo = await users.find({ email: DEMO_EMAIL }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
  const others = await users
    .find({ role: 'user', email: trusted({ $ne: DEMO_EMAIL }) }, { _id: 1 })
    .sort({ _id: 1 })
    .limit(USERS)
    .lean<{ _id: Types.ObjectId }[]>();
  const now = new Date();
  const documents = [...demo, ...others].map(({ _id: userId }, index) => {
    const agentId = AGENTS[index % AGENTS.length];
    const id = userId.toString();
    return {
      _id: seededId(id, agentId),
      userId,
      agentId,
      display: { theme: THEMES[index % THEMES.length], fontSize: FONT_SIZES[index % FONT_SIZES.length] },
      behavior: { tone: TONES[index % TONES.length], verbosity: VERBOSITIES[index % VERBOSITIES.length], creativity: (index % 11) / 10 },
      ...(index % 2 === 0 ? { customInstructions: 'Keep answers short and use plain language.' } : {}),
      savedPrompts: PROMPTS.slice(0, 1 + (index % PROMPTS.length)).map((prompt, slot) => ({
        _id: seededId(id, agentId, slot),
        ...prompt,
        createdAt: now,
        updatedAt: now,
      })),
      revision: 1,
    };
  });
  progress.start('personalize', documents.length);
  const added = await insertManySkippingDuplicates(personalizations, documents);
  progress.advance(documents.length);
  progress.stop();
  return added;
}
