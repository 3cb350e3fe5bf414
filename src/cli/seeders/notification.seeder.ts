import { faker } from '@faker-js/faker';
import { createHash } from 'node:crypto';
import { Types, type Model } from 'mongoose';
import { NOTIFICATIONS_OWN_TYPES, PRIORITIES } from '../../modules/notifications/notification-types.js';
import type { Notification } from '../../modules/notifications/schemas/notification.schema.js';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import type { SeedProgress } from '../seed-progress.js';

const DAY_MS = 86_400_000;
// The kinds staff send: registered whatever other modules the application holds.
const TYPES = Object.keys(NOTIFICATIONS_OWN_TYPES);

/**
 * Gives each listed user `perUser` notifications over the past month, a third of them read.
 * Ids derive from the user and index, so a rerun inserts nothing new.
 */
export async function seedNotifications(
  notifications: Model<Notification>,
  userIds: string[],
  perUser: number,
  progress: SeedProgress,
): Promise<number> {
  progress.start('notifications', userIds.length * perUser);
  let inserted = 0;
  for (const userId of userIds) {
    faker.seed(parseInt(userId.slice(-6), 16));
    const documents = Array.from({ length: perUser }, (_, index) => {
      const scheduledFor = new Date(Date.now() - faker.number.int({ min: 0, max: 30 * DAY_MS }));
      const read = index % 3 === 0;
      return {
        _id: new Types.ObjectId(createHash('sha256').update(`seed-notification:${userId}:${index}`).digest('hex').slice(0, 24)),
        userId: new Types.ObjectId(userId),
        type: faker.helpers.arrayElement(TYPES),
        title: faker.lorem.sentence({ min: 3, max: 7 }),
        body: faker.lorem.sentences(2),
        priority: faker.helpers.arrayElement(PRIORITIES),
        channels: ['in_app'],
        delivery: { in_app: { status: 'delivered', at: scheduledFor } },
        read,
        readAt: read ? new Date(scheduledFor.getTime() + 3_600_000) : undefined,
        scheduledFor,
        dispatchedAt: scheduledFor,
        expiresAt: new Date(scheduledFor.getTime() + 90 * DAY_MS),
        createdAt: scheduledFor,
        updatedAt: scheduledFor,
      };
    });
    // Already seeded: the deterministic ids collide and nothing is added.
    inserted += await insertManySkippingDuplicates(notifications, documents, { timestamps: false });
    progress.advance(perUser);
  }
  progress.stop();
  return inserted;
}
