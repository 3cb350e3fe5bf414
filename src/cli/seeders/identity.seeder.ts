import { faker } from '@faker-js/faker';
import { trusted, type Model } from 'mongoose';
import type { Role } from '../../core/auth/roles.js';
import { searchKeysOf, type User } from '../../modules/identity/schemas/user.schema.js';
import type { SeedProgress } from '../seed-progress.js';

export const DEMO_PASSWORD = 'atrium-demo-password';

export const DEMO_ACCOUNTS: { email: string; role: Role; displayName: string }[] = [
  { email: 'admin@atrium.test', role: 'admin', displayName: 'Ada Admin' },
  { email: 'staff@atrium.test', role: 'staff', displayName: 'Sam Staff' },
  { email: 'user@atrium.test', role: 'user', displayName: 'Uma User' },
];

const TIMEZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Australia/Sydney',
];
const LOCALES = ['en', 'en-GB', 'de', 'fr', 'es', 'ja', 'pt-BR'];

function roleFor(index: number): Role {
  if (index % 500 === 0) return 'admin';
  if (index % 50 === 0) return 'staff';
  return 'user';
}

/**
 * The same index always yields the same person (faker is seeded with it), so a rerun
 * finds every email already present and inserts nothing.
 */
function personAt(index: number, passwordHash: string): Partial<User> {
  faker.seed(index + 1);
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const email = `${firstName}.${lastName}.${index}@seed.atrium.test`.toLowerCase().replace(/[^a-z0-9.@-]/g, '');
  const createdAt = faker.date.past({ years: 2, refDate: new Date('2026-11-01T00:00:00Z') });
  const profile = {
    firstName,
    lastName,
    displayName: `${firstName} ${lastName}`,
    bio: faker.person.bio(),
    avatarUrl: `https://avatars.example.com/${index}.png`,
    timezone: faker.helpers.arrayElement(TIMEZONES),
    locale: faker.helpers.arrayElement(LOCALES),
  };
  return {
    email,
    passwordHash,
    role: roleFor(index),
    status: 'active',
    profile,
    preferences: {
      theme: faker.helpers.arrayElement(['light', 'dark', 'system'] as const),
      productEmails: true,
      marketingEmails: faker.datatype.boolean(),
    },
    searchKeys: searchKeysOf(email, profile),
    // Seeded people act like established accounts: their addresses count as proven (invitations need it).
    emailVerifiedAt: createdAt,
    createdAt,
    updatedAt: createdAt,
  };
}

export async function seedUsers(
  users: Model<User>,
  count: number,
  passwordHash: string,
  progress: SeedProgress,
  batchSize = 1000,
): Promise<number> {
  let inserted = 0;
  const now = new Date();
  const demo = DEMO_ACCOUNTS.map((account) => ({
    createdAt: now,
    updatedAt: now,
    email: account.email,
    passwordHash,
    role: account.role,
    status: 'active' as const,
    profile: { displayName: account.displayName, timezone: 'UTC', locale: 'en' },
    searchKeys: searchKeysOf(account.email, { displayName: account.displayName }),
    // Demo accounts are verified, so they can accept invitations straight away.
    emailVerifiedAt: now,
  }));
  inserted += await insertMissing(users, demo);
  // Demo accounts seeded before addresses were verified get verified on a rerun.
  await users.updateMany(
    { email: trusted({ $in: DEMO_ACCOUNTS.map((account) => account.email) }), emailVerifiedAt: null },
    { $set: { emailVerifiedAt: now } },
  );
  progress.start('users', count);
  for (let start = 0; start < count; start += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, count - start) }, (_, offset) => personAt(start + offset, passwordHash));
    inserted += await insertMissing(users, batch);
    progress.advance(batch.length);
  }
  progress.stop();
  return inserted;
}

/** Looks the batch's emails up once and bulk-inserts only the missing ones. */
async function insertMissing(users: Model<User>, batch: Partial<User>[]): Promise<number> {
  const present = await users.find({ email: trusted({ $in: batch.map((user) => user.email!) }) }, { email: 1 }).lean<{ email: string }[]>();
  const known = new Set(present.map((user) => user.email));
  const missing = batch.filter((user) => !known.has(user.email!));
  if (missing.length === 0) return 0;
  // timestamps: false keeps the spread-out createdAt of the generated people.
  const inserted = await users.insertMany(missing, { ordered: false, timestamps: false });
  return inserted.length;
}
