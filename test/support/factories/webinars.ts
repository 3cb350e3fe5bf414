import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Role } from '../../../src/core/auth/roles.js';
import type { RegisterForWebinarDto } from '../../../src/modules/webinars/dto/registration-input.dto.js';
import type { RegistrationDto } from '../../../src/modules/webinars/dto/registration.dto.js';
import type { CreateWebinarDto } from '../../../src/modules/webinars/dto/webinar-input.dto.js';
import type { WebinarDto } from '../../../src/modules/webinars/dto/webinar.dto.js';
import { RegistrationsService } from '../../../src/modules/webinars/registrations.service.js';
import { WebinarRegistration } from '../../../src/modules/webinars/schemas/webinar-registration.schema.js';
import { Webinar } from '../../../src/modules/webinars/schemas/webinar.schema.js';
import { WebinarsService } from '../../../src/modules/webinars/webinars.service.js';
import { anonymousContext, contextOf, factoryEmail } from './identity.js';
import { emailModel } from './mail.js';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export const webinarModel = (app: INestApplicationContext) => app.get<Model<Webinar>>(getModelToken(Webinar.name));
export const registrationModel = (app: INestApplicationContext) =>
  app.get<Model<WebinarRegistration>>(getModelToken(WebinarRegistration.name));

let sequence = 0;

export const webinarInput = (overrides: Partial<CreateWebinarDto> = {}): CreateWebinarDto => ({
  title: `Building agents that answer from your docs #${++sequence}`,
  description: 'A live walk-through with questions at the end.',
  hosts: [{ name: 'Ada Byron', title: 'Solutions engineer' }],
  startsAt: new Date(Date.now() + 48 * HOUR_MS),
  durationMinutes: 60,
  timezone: 'Europe/Berlin',
  capacity: 10,
  meeting: { joinUrl: 'https://meet.atrium-demo.com/webinar-live', details: 'Passcode 4242' },
  ...overrides,
});

/** A published (scheduled) webinar, created and moved by staff through the service. */
export async function scheduledWebinar(
  app: INestApplicationContext,
  staff: { id: string; role: Role },
  overrides: Partial<CreateWebinarDto> = {},
): Promise<WebinarDto> {
  const service = app.get(WebinarsService);
  const draft = await service.create(contextOf(staff), webinarInput(overrides));
  return service.transition(contextOf(staff), draft.id, { to: 'scheduled' });
}

export const registrationInput = (webinarId: string, overrides: Partial<RegisterForWebinarDto> = {}): RegisterForWebinarDto => ({
  webinarId,
  email: factoryEmail('attendee'),
  name: 'Grace Hopper',
  ...overrides,
});

/** A registration taken anonymously through the service, as the public route takes it. */
export function registerFor(
  app: INestApplicationContext,
  webinarId: string,
  overrides: Partial<RegisterForWebinarDto> = {},
): Promise<RegistrationDto> {
  return app.get(RegistrationsService).register(anonymousContext(), registrationInput(webinarId, overrides));
}

/** Moves a webinar's start (and end) to `minutesFromNow`, as if that much time had passed. */
export async function startWebinarIn(app: INestApplicationContext, webinarId: string, minutesFromNow: number): Promise<void> {
  const webinar = await webinarModel(app).findById(webinarId).lean<Webinar>();
  const startsAt = new Date(Date.now() + minutesFromNow * MINUTE_MS);
  await webinarModel(app).updateOne(
    { _id: new Types.ObjectId(webinarId) },
    { $set: { startsAt, endsAt: new Date(startsAt.getTime() + webinar!.durationMinutes * MINUTE_MS) } },
  );
}

/** The manage token mailed for a registration, read from the queued confirmation email. */
export async function mailedManageToken(app: INestApplicationContext, email: string): Promise<string> {
  const [mailed] = await emailModel(app).find({ to: email, template: 'webinar-registered' }).lean();
  const token = /token=([A-Za-z0-9_-]+)/.exec(String(mailed?.text ?? ''))?.[1];
  if (!token) throw new Error(`no manage token was mailed to ${email}`);
  return token;
}

/** As after a crash between running a registration's effects and marking them done: all due again. */
export async function replayRegistrationEffects(app: INestApplicationContext, registrationId: string): Promise<void> {
  await registrationModel(app).updateOne(
    { _id: new Types.ObjectId(registrationId) },
    { $set: { 'effects.$[].state': 'pending', 'effects.$[].dueAt': new Date(0) }, $unset: { 'effects.$[].leaseUntil': 1 } },
  );
}
