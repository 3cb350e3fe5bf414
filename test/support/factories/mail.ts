import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { systemContext } from '../../../src/core/auth/request-context.js';
import { EmailWorker, MailService, type EnqueueRequest } from '../../../src/modules/mail/index.js';
import { QueuedEmail } from '../../../src/modules/mail/schemas/queued-email.schema.js';

export const emailModel = (app: INestApplicationContext) => app.get<Model<QueuedEmail>>(getModelToken(QueuedEmail.name));

/** Flows queue mail acting as the system; so do the factories. */
export const mailContext = () => systemContext(`factory-${new Types.ObjectId().toString()}`);

/** `count` generic emails tagged `tag` (subject "<tag> <i>"), queued in one bulk insert. */
export function queueEmails(app: INestApplicationContext, count: number, tag: string, to = (i: number) => `reader${i}@example.com`) {
  const requests: EnqueueRequest[] = Array.from({ length: count }, (_, i) => ({
    to: to(i),
    template: 'notification',
    variables: { title: `${tag} ${i}`, body: 'hello' },
    idempotencyKey: `${tag}:${i}`,
  }));
  return app.get(MailService).enqueueMany(mailContext(), requests);
}

/** Drains the queue the way the scheduled job does (acting as the system). */
export const drainAll = (app: INestApplicationContext, workerId: string, options = {}) =>
  app.get(EmailWorker).drainAll(mailContext(), workerId, options);

export const emailWithKey = (app: INestApplicationContext, idempotencyKey: string) =>
  emailModel(app).findOne({ idempotencyKey }).lean<QueuedEmail>();

/** A queued email that ran out of attempts: queued through the service, then moved to dead as the worker would leave it. */
export async function deadEmail(app: INestApplicationContext, to: string): Promise<string> {
  const key = `dead-${new Types.ObjectId().toString()}`;
  await app
    .get(MailService)
    .enqueue(mailContext(), { to, template: 'notification', variables: { title: key, body: 'b' }, idempotencyKey: key });
  await emailModel(app).updateOne({ idempotencyKey: key }, { $set: { status: 'dead', attempts: 6, lastError: 'mailbox unavailable' } });
  return (await emailWithKey(app, key))!._id.toString();
}

/**
 * An email queued `queuedDaysAgo` days ago, left in `status` as the worker would leave it (sent, dead) or
 * still waiting (pending): what the retention purge decides on. The queue time is backdated directly,
 * since no route can queue mail in the past.
 */
export async function agedEmail(app: INestApplicationContext, status: 'pending' | 'sent' | 'dead', queuedDaysAgo: number): Promise<string> {
  const key = `aged-${status}-${new Types.ObjectId().toString()}`;
  await app.get(MailService).enqueue(mailContext(), {
    to: `${key}@example.com`,
    template: 'notification',
    variables: { title: key, body: 'b' },
    idempotencyKey: key,
  });
  const queuedAt = new Date(Date.now() - queuedDaysAgo * 86_400_000);
  await emailModel(app).collection.updateOne(
    { idempotencyKey: key },
    { $set: { status, createdAt: queuedAt, updatedAt: queuedAt, ...(status === 'sent' ? { sentAt: queuedAt } : {}) } },
  );
  return key;
}
