import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { Types, type Model } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { User } from '../../modules/identity/schemas/user.schema.js';
import { Membership } from '../../modules/tenancy/schemas/membership.schema.js';
import { Tenant } from '../../modules/tenancy/schemas/tenant.schema.js';

/** The voice platform's demo tenant: owned by the demo user, on the pro plan (outbound calls, 1,000 minutes a month). */
export const VOICE_TENANT_ID = new Types.ObjectId(createHash('sha256').update('seed-voice-tenant').digest('hex').slice(0, 24));
const VOICE_TENANT_NAME = 'Northwind Outbound';

/** Creates the voice tenant and the demo user's owner membership when absent; answers its id and its owner's. */
export async function seedVoiceTenant(app: INestApplicationContext): Promise<{ tenantId: Types.ObjectId; ownerId: Types.ObjectId } | null> {
  const owner = await app
    .get<Model<User>>(getModelToken(User.name))
    .findOne({ email: 'user@atrium.test' }, { _id: 1 })
    .lean<{ _id: Types.ObjectId }>();
  if (!owner) return null;
  const now = new Date();
  await insertManySkippingDuplicates(
    app.get<Model<Tenant>>(getModelToken(Tenant.name)),
    [
      {
        _id: VOICE_TENANT_ID,
        name: VOICE_TENANT_NAME,
        slug: 'northwind-outbound',
        planKey: 'pro',
        active: true,
        settings: { timezone: 'America/New_York', locale: 'en' },
        createdBy: owner._id,
        ownerCount: 1,
        memberCount: 1,
        createdAt: now,
        updatedAt: now,
      },
    ],
    { timestamps: false },
  );
  await insertManySkippingDuplicates(
    app.get<Model<Membership>>(getModelToken(Membership.name)),
    [{ tenantId: VOICE_TENANT_ID, userId: owner._id, role: 'owner', joinedAt: now, createdAt: now, updatedAt: now }],
    { timestamps: false },
  );
  return { tenantId: VOICE_TENANT_ID, ownerId: owner._id };
}
