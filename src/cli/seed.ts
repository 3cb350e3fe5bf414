import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getModelToken } from '@nestjs/mongoose';
import { trusted, type Model, type Types } from 'mongoose';
import { Notification } from '../modules/notifications/schemas/notification.schema.js';
import { parseArgs } from 'node:util';
import { AppModule } from '../app.module.js';
import { PasswordHasher } from '../modules/identity/password-hasher.js';
import { User } from '../modules/identity/schemas/user.schema.js';
import { SeedProgress } from './seed-progress.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedUsers } from './seeders/identity.seeder.js';
import { seedNotifications } from './seeders/notification.seeder.js';
import { seedEntitlements } from './seeders/entitlements.seeder.js';
import { seedSupport } from './seeders/support.seeder.js';
import { seedTenancy } from './seeders/tenancy.seeder.js';
import { seedFiles } from './seeders/files.seeder.js';
import { seedCareers } from './seeders/careers.seeder.js';
import { seedWebinars } from './seeders/webinars.seeder.js';
import { seedSuggestions } from './seeders/suggestions.seeder.js';
import { seedFavorites } from './seeders/favorites.seeder.js';
import { seedPersonalization } from './seeders/personalization.seeder.js';
import { seedLab } from './seeders/lab.seeder.js';
import { seedAnalytics } from './seeders/analytics.seeder.js';
import { seedSkills } from './seeders/skills.seeder.js';
import { seedLearning } from './seeders/learning.seeder.js';
import { seedSessions } from './seeders/sessions.seeder.js';
import { seedLeads } from './seeders/leads.seeder.js';
import { seedVoiceTenant } from './seeders/voice-tenant.seeder.js';
import { seedVoiceAgents } from './seeders/voice-agents.seeder.js';
import { seedVoiceTenantCalls } from './seeders/voice-calls.seeder.js';
import { seedCallBatches } from './seeders/call-batches.seeder.js';

/**
 * `npm run seed -- --users 10000`: a realistic data set on the configured database
 * (MONGODB_URI, or the same embedded database `npm start` uses). Idempotent.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '1000' },
      batch: { type: 'string', default: '1000' },
      notifications: { type: 'string', default: '50' },
      tickets: { type: 'string', default: '200' },
      tenants: { type: 'string', default: '20' },
    },
  });
  const userCount = Number(values.users);
  const batchSize = Number(values.batch);
  if (!Number.isInteger(userCount) || userCount < 0 || !Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error('--users and --batch take whole numbers');
  }
  process.env.LOG_LEVEL ??= 'warn';
  const app = await NestFactory.createApplicationContext(AppModule.register(), { logger: ['error', 'warn'] });
  try {
    const started = Date.now();
    const passwordHash = await app.get(PasswordHasher).hash(DEMO_PASSWORD);
    const progress = new SeedProgress();
    const users = await seedUsers(app.get<Model<User>>(getModelToken(User.name)), userCount, passwordHash, progress, batchSize);
    const userModel = app.get<Model<User>>(getModelToken(User.name));
    const demoIds = (
      await userModel
        .find({ email: trusted({ $in: DEMO_ACCOUNTS.map((account) => account.email) }) }, { _id: 1 })
        .lean<{ _id: Types.ObjectId }[]>()
    ).map((row) => row._id.toString());
    const notifications = await seedNotifications(
      app.get<Model<Notification>>(getModelToken(Notification.name)),
      demoIds,
      Number(values.notifications),
      progress,
    );
    const tickets = await seedSupport(app, Number(values.tickets), progress);
    // Tenants before entitlements: the overrides and usage are the tenants'.
    const tenants = await seedTenancy(app, Number(values.tenants), progress);
    const entitlements = await seedEntitlements(app, progress);
    // Seed 003's platform: each seeder answers how many documents it added.
    const voice = await seedVoiceTenant(app);
    const platform = {
      files: await seedFiles(app, progress),
      careers: await seedCareers(app, progress),
      webinars: await seedWebinars(app, progress),
      suggestions: await seedSuggestions(app, progress),
      favorites: await seedFavorites(app, progress),
      personalization: await seedPersonalization(app, progress),
      lab: await seedLab(app, progress),
      analytics: await seedAnalytics(app, progress),
      // Seed 004's learning platform: the catalogue first, then who teaches and learns, then their sessions.
      skills: await seedSkills(app, progress),
      'learning profiles': await seedLearning(app, progress),
      'learning sessions': await seedSessions(app, progress),
      leads: voice ? await seedLeads(app, voice.tenantId, 10_000, progress) : 0,
      // Seed 001's voice platform on the voice tenant: voices, numbers and agents, then calls to its leads, then
      // finished batches.
      ...(voice ? await seedVoicePlatform(app, voice.tenantId, progress) : {}),
    };
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `\nSeeded in ${seconds} s: ${users} new users, ${notifications} new notifications for the demo accounts, ${tickets} new support tickets, ${tenants} new tenants, ${entitlements} new entitlement records, ${Object.entries(
        platform,
      )
        .map(([name, count]) => `${count} ${name}`)
        .join(', ')} (a rerun adds nothing).`,
    );
    console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(6)} ${account.email}`);
  } finally {
    await app.close();
  }
}

/** Calls seeded for the voice tenant: one for each of its first leads that may be called. */
const VOICE_CALLS_TO_SEED = 2000;

async function seedVoicePlatform(
  app: INestApplicationContext,
  tenantId: Types.ObjectId,
  progress: SeedProgress,
): Promise<Record<string, number>> {
  const setup = await seedVoiceAgents(app, progress, tenantId);
  return {
    'voice setup (voices, numbers, agents)': setup.inserted,
    'voice calls': await seedVoiceTenantCalls(app, tenantId, setup.activeAgents, VOICE_CALLS_TO_SEED, progress),
    'call batches': await seedCallBatches(app, progress, tenantId),
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
