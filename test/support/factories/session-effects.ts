import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { SessionStatus } from '../../../src/modules/sessions/session.lifecycle.js';
import { LearningSession } from '../../../src/modules/sessions/schemas/learning-session.schema.js';

const MINUTE_MS = 60_000;

export const learningSessionModel = (app: INestApplicationContext) => app.get<Model<LearningSession>>(getModelToken(LearningSession.name));

export type SessionShape = {
  teacherId: string;
  learnerId: string;
  skillId?: string;
  status?: SessionStatus;
  /** Minutes from now to the booked start; negative for one in the past. */
  startInMinutes?: number;
  durationMinutes?: number;
  pricing?: { amount: number; currency: string };
  joined?: { teacher?: boolean; learner?: boolean };
  notes?: string;
};

/**
 * A session as booking and the lifecycle leave it, written in its state directly: what happens after a
 * session (reminders, no-shows, feedback, payments) is tested without the teacher's offer and weekly
 * availability that booking checks, which have their own tests.
 */
export async function sessionInState(app: INestApplicationContext, shape: SessionShape): Promise<LearningSession> {
  const _id = new Types.ObjectId();
  const status = shape.status ?? 'scheduled';
  const start = new Date(Date.now() + (shape.startInMinutes ?? 60) * MINUTE_MS);
  const end = new Date(start.getTime() + (shape.durationMinutes ?? 60) * MINUTE_MS);
  const at = new Date();
  const ran = status === 'completed' || status === 'ongoing' || status === 'paused';
  const document = await learningSessionModel(app).create({
    _id,
    participants: { teacher: new Types.ObjectId(shape.teacherId), learner: new Types.ObjectId(shape.learnerId) },
    skill: new Types.ObjectId(shape.skillId ?? new Types.ObjectId().toString()),
    schedule: { startTime: start, endTime: end, timezone: 'Europe/Berlin' },
    status,
    activity: {
      joinedAt: {
        ...(shape.joined?.teacher || ran ? { teacher: start } : {}),
        ...(shape.joined?.learner || ran ? { learner: start } : {}),
      },
      ...(ran ? { actualStartTime: start } : {}),
      ...(status === 'completed' ? { actualEndTime: end } : {}),
    },
    videoRoom: { videoRoomId: `room-${_id.toString()}`, joinUrl: `https://meet.atrium.local/${_id.toString()}`, password: 'secret' },
    pricing: shape.pricing ?? { amount: 0, currency: 'EUR' },
    notes: shape.notes,
    audit: [
      { from: null, to: 'scheduled' as const, at, source: 'api' },
      ...(status === 'scheduled' ? [] : [{ from: 'scheduled' as const, to: status, at, source: 'api' }]),
    ],
  });
  return document.toObject();
}

/** Runs every effect a session owed once more, as a crash before they were marked done would. */
export async function replaySessionEffects(app: INestApplicationContext, sessionId: string | Types.ObjectId): Promise<void> {
  await learningSessionModel(app).updateOne(
    { _id: new Types.ObjectId(sessionId.toString()) },
    { $set: { 'effects.$[].state': 'pending', 'effects.$[].dueAt': new Date(0) }, $unset: { 'effects.$[].leaseUntil': 1 } },
  );
}
