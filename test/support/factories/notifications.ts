import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { systemContext } from '../../../src/core/auth/request-context.js';
import type { Role } from '../../../src/core/auth/roles.js';
import { NotifyService, type NotifyRequest } from '../../../src/modules/notifications/notify.service.js';
import { Notification } from '../../../src/modules/notifications/schemas/notification.schema.js';
import { PushSubscription } from '../../../src/modules/notifications/schemas/push-subscription.schema.js';
import { SettingsService } from '../../../src/modules/notifications/settings.service.js';
import { contextOf, userModel } from './identity.js';

const HOUR_MS = 3_600_000;

export const notificationModel = (app: INestApplicationContext) => app.get<Model<Notification>>(getModelToken(Notification.name));
export const pushSubscriptionModel = (app: INestApplicationContext) =>
  app.get<Model<PushSubscription>>(getModelToken(PushSubscription.name));

/** Notifies one user the way other contexts' effects do (as the system); answers the notification with its outcomes. */
export function notifyUser(app: INestApplicationContext, userId: string, request: Partial<NotifyRequest> = {}) {
  return app.get(NotifyService).notify(systemContext(`factory-${new Types.ObjectId().toString()}`), userId, {
    type: 'community',
    title: 'Meet-up on Thursday',
    body: 'The community meets on Thursday at six.',
    ...request,
  });
}

/** The user's quiet hours from an hour ago to an hour from now, in their profile's zone (UTC for factory accounts). */
export function quietHoursNow(app: INestApplicationContext, userId: string) {
  const hhmm = (at: number) => new Date(at).toISOString().slice(11, 16);
  return app.get(SettingsService).update(contextOf({ id: userId }), {
    quietHours: { enabled: true, start: hhmm(Date.now() - HOUR_MS), end: hhmm(Date.now() + HOUR_MS) },
  });
}

/**
 * `count` active users of a role, inserted in bulk (signing up thousands one by one would be the
 * test's whole run time); they can be reached, not sign in.
 */
export async function usersWithRole(app: INestApplicationContext, role: Role, count: number, tag: string): Promise<string[]> {
  const users = Array.from({ length: count }, (_, index) => {
    const email = `${tag}.${index}@bulk.example.com`;
    return {
      _id: new Types.ObjectId(),
      email,
      passwordHash: 'not-a-password',
      role,
      status: 'active',
      profile: { displayName: `Reader ${index}` },
      searchKeys: [email],
    };
  });
  for (let start = 0; start < users.length; start += 1000)
    await userModel(app).insertMany(users.slice(start, start + 1000), { lean: true });
  return users.map((user) => user._id.toString());
}

/** Moves a notification's expiry into the past, as if its retention had run out. */
export async function expireNotification(app: INestApplicationContext, id: Types.ObjectId): Promise<void> {
  await notificationModel(app).updateOne({ _id: id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
}

/** A dispatcher that died holding these notifications: their lease runs out now, their channels were never handed off. */
export async function abandonDispatch(app: INestApplicationContext, ids: Types.ObjectId[]): Promise<void> {
  await notificationModel(app).updateMany(
    { _id: trusted({ $in: ids }) },
    { $set: { dispatchLockedUntil: new Date(Date.now() - 1000) }, $unset: { dispatchedAt: 1, delivery: 1 } },
  );
}
