import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { expect } from 'vitest';
import { LearningSession } from '../../../src/modules/sessions/schemas/learning-session.schema.js';
import type { TestApp } from '../app.js';
import { bearer, registerUser, type TestUser } from '../auth.js';
import { noonZone } from '../zones.js';
import { createSkill } from './skills.js';

const MINUTE_MS = 60_000;

export const sessionModel = (app: INestApplicationContext) => app.get<Model<LearningSession>>(getModelToken(LearningSession.name));

/** An active skill of the catalogue, made through the catalogue's own service. */
export async function activeSkill(app: INestApplicationContext): Promise<string> {
  return (await createSkill(app)).id;
}

/** Weekly windows in this zone cover every session a test books from now to a few hours ahead, whenever the tests run. */
export { noonZone };

const ALL_WEEK = Array.from({ length: 7 }, (_, day) => ({ day, start: '00:00', end: '24:00' }));

/** Sets a user's weekly availability through the API (all week, all day by default). */
export async function setAvailability(t: TestApp, user: TestUser, slots = ALL_WEEK, timezone = noonZone()): Promise<void> {
  const response = await t.http().put('/api/users/me/availability').set(bearer(user)).send({ timezone, slots });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

/** A user teaching the skill (for free unless given a rate), available all week. */
export async function teacherOf(
  t: TestApp,
  skillId: string,
  { hourlyRate, available = true }: { hourlyRate?: { amount: number; currency: string }; available?: boolean } = {},
): Promise<TestUser> {
  const teacher = await registerUser(t, { firstName: 'Teacher' });
  await teach(t, teacher, skillId, { hourlyRate, available });
  return teacher;
}

/** Makes an existing user a teacher of the skill, available all week unless told otherwise. */
export async function teach(
  t: TestApp,
  teacher: TestUser,
  skillId: string,
  { hourlyRate, available = true }: { hourlyRate?: { amount: number; currency: string }; available?: boolean } = {},
): Promise<void> {
  const response = await t
    .http()
    .put('/api/users/me/skills/teaching')
    .set(bearer(teacher))
    .send({ skills: [{ skillId, level: 'expert', ...(hourlyRate ? { hourlyRate } : {}) }] });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  if (available) await setAvailability(t, teacher);
}

/** When the session starts: `startInMinutes` from now, or exactly `startTime` (for slots that must line up). */
export type Booking = { startInMinutes?: number; startTime?: Date; durationMinutes?: number; timezone?: string; notes?: string };

export const bookingBody = (teacherId: string, skillId: string, { startInMinutes = 60, durationMinutes = 30, ...rest }: Booking = {}) => ({
  teacherId,
  skillId,
  startTime: (rest.startTime ?? new Date(Date.now() + startInMinutes * MINUTE_MS)).toISOString(),
  durationMinutes,
  timezone: rest.timezone ?? 'Europe/Berlin',
  ...(rest.notes ? { notes: rest.notes } : {}),
});

/** Books through the API and returns the raw answer, for tests that look at refusals. */
export const book = (t: TestApp, learner: TestUser, teacherId: string, skillId: string, booking: Booking = {}) =>
  t
    .http()
    .post('/api/sessions')
    .set(bearer(learner))
    .send(bookingBody(teacherId, skillId, booking));

/** A teacher, a learner and a session booked between them (by default starting in two minutes, so it can be started). */
export async function bookedSession(t: TestApp, booking: Booking & { skillId?: string; teacher?: TestUser; learner?: TestUser } = {}) {
  const skillId = booking.skillId ?? (await activeSkill(t.app));
  const teacher = booking.teacher ?? (await teacherOf(t, skillId));
  const learner = booking.learner ?? (await registerUser(t, { firstName: 'Learner' }));
  const response = await book(t, learner, teacher.id, skillId, { startInMinutes: 2, ...booking });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { id: response.body.id as string, session: response.body, skillId, teacher, learner };
}

/** Moves a session's booked slot so that it starts `startInMinutes` from now, as if that much time had passed. */
export async function shiftSchedule(app: INestApplicationContext, id: string, startInMinutes: number): Promise<void> {
  const session = await sessionModel(app).findById(id).lean();
  const length = session!.schedule.endTime.getTime() - session!.schedule.startTime.getTime();
  const start = new Date(Date.now() + startInMinutes * MINUTE_MS);
  await sessionModel(app).updateOne(
    { _id: new Types.ObjectId(id) },
    { $set: { 'schedule.startTime': start, 'schedule.endTime': new Date(start.getTime() + length) } },
  );
}
