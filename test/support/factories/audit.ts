import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { RequestContext } from '../../../src/core/auth/request-context.js';
import type { Role } from '../../../src/core/auth/roles.js';
import { AuditTrail, type AuditEntryInput } from '../../../src/modules/audit/index.js';
import { entryOf } from '../../../src/modules/audit/audit-trail.js';
import { AuditLog } from '../../../src/modules/audit/schemas/audit-log.schema.js';
import { contextOf } from './identity.js';

const DAY_MS = 86_400_000;

export const auditModel = (app: INestApplicationContext) => app.get<Model<AuditLog>>(getModelToken(AuditLog.name));

/** The entries about one target, oldest first: what a test inspects after an action. */
export const entriesAbout = (app: INestApplicationContext, targetId: string) =>
  auditModel(app).find({ targetId }).sort({ createdAt: 1, _id: 1 }).lean<AuditLog[]>();

let sequence = 0;
/** An entry input for a made-up target, unique per call so filters can find exactly it. */
export const auditInput = (overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  action: 'tenant.updated',
  targetType: 'tenant',
  targetId: `target-${Date.now().toString(36)}-${++sequence}`,
  before: { name: 'Before' },
  after: { name: 'After' },
  ...overrides,
});

/** An entry recorded through the trail, as a context's service records it, by `actor` (or the system). */
export async function recordedEntry(
  app: INestApplicationContext,
  actor: { id: string; role?: Role } | 'system',
  overrides: Partial<AuditEntryInput> = {},
): Promise<AuditEntryInput> {
  const input = auditInput(overrides);
  const ctx: RequestContext = actor === 'system' ? { client: {}, requestId: `factory-${++sequence}`, system: true } : contextOf(actor);
  await app.get(AuditTrail).record(ctx, input);
  return input;
}

/**
 * An entry written `daysAgo` days in the past, as if that much time had gone by since it was recorded.
 * Inserted (the only write the log allows), never moved: an entry's time cannot be changed afterwards.
 */
export async function backdatedEntry(
  app: INestApplicationContext,
  daysAgo: number,
  overrides: Partial<AuditEntryInput> = {},
): Promise<Types.ObjectId> {
  const _id = new Types.ObjectId();
  const at = new Date(Date.now() - daysAgo * DAY_MS);
  const entry = entryOf({ client: {}, requestId: `factory-${++sequence}`, system: true }, auditInput(overrides), at);
  await auditModel(app).create({ _id, ...entry });
  return _id;
}
