import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, type Model, type QueryFilter } from 'mongoose';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { EffectsRelay, owedEffects } from '../../../core/events/index.js';
import { SkillCatalogue } from '../../skills/index.js';
import { LearningSession, type ReminderKind } from '../schemas/learning-session.schema.js';
import { sessionNoticeOf, skillNamesOf } from '../session-notice-of.js';
import { SessionJobsConfig } from './session-jobs.config.js';

export const SESSION_REMINDERS_JOB = 'sessions.reminders';

const BATCH = 200;
/** A run stops after this many batches; the next run picks up the rest. */
const MAX_BATCHES = 25;
const MINUTE_MS = 60_000;

/** Which reminder is due for a session starting in this window; they do not overlap, so a late booking gets the nearer one only. */
const REMINDER_WINDOWS: readonly { kind: ReminderKind; fromMs: number; toMs: number }[] = [
  { kind: '15m', fromMs: 0, toMs: 15 * MINUTE_MS },
  { kind: '24h', fromMs: 15 * MINUTE_MS, toMs: 24 * 60 * MINUTE_MS },
];

/**
 * Reminders a day and 15 minutes before a scheduled session, to both participants. Each session is claimed for
 * a kind by the update that owes the reminder (its filter says the kind is not in `remindersSent` and the start
 * is the one read), so two instances running the same tick, or a tick run again, remind once.
 */
@Injectable()
export class SessionRemindersJob implements OnApplicationBootstrap {
  constructor(
    @InjectModel(LearningSession.name) private readonly sessions: Model<LearningSession>,
    private readonly relay: EffectsRelay,
    private readonly catalogue: SkillCatalogue,
    private readonly jobs: JobRunner,
    private readonly config: SessionJobsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every(SESSION_REMINDERS_JOB, this.config.SESSIONS_REMINDER_EVERY_SECONDS * 1000, () => this.run());
  }

  /** Answers how many reminders this run claimed (one per session and kind, for both participants). */
  async run(now = new Date()): Promise<{ items: number }> {
    let items = 0;
    for (const window of REMINDER_WINDOWS) items += await this.remindWindow(window, now);
    return { items };
  }

  private async remindWindow(window: (typeof REMINDER_WINDOWS)[number], now: Date): Promise<number> {
    // Served by the { status, schedule.startTime } index.
    const filter = {
      status: 'scheduled',
      'schedule.startTime': trusted({ $gt: new Date(now.getTime() + window.fromMs), $lte: new Date(now.getTime() + window.toMs) }),
      remindersSent: trusted({ $ne: window.kind }),
    } as QueryFilter<LearningSession>;
    let claimed = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const due = await this.sessions
        .find(filter, { participants: 1, skill: 1, schedule: 1 })
        .sort({ 'schedule.startTime': 1 })
        .limit(BATCH)
        .lean<LearningSession[]>();
      const nameOf = await skillNamesOf(this.catalogue, due);
      for (const session of due) if (await this.claim(session, window.kind, nameOf(session.skill.toString()))) claimed++;
      if (due.length < BATCH) break;
    }
    return claimed;
  }

  private async claim(session: LearningSession, kind: ReminderKind, skillName: string): Promise<boolean> {
    const startedAt = session.schedule.startTime;
    const effects = this.relay.owe(
      'sessions.reminder',
      { ...sessionNoticeOf(session, skillName), sessionReminderKind: kind },
      // The start is in the key: a rescheduled session clears remindersSent and is reminded again for its new time.
      `session-reminder:${session._id.toString()}:${kind}:${startedAt.getTime()}`,
    );
    const owed = await this.sessions
      .findOneAndUpdate(
        { _id: session._id, status: 'scheduled', 'schedule.startTime': startedAt, remindersSent: trusted({ $ne: kind }) },
        { $addToSet: { remindersSent: kind }, ...(effects.length ? { $push: { effects: { $each: owedEffects(effects) } } } : {}) },
        { returnDocument: 'after', projection: { effects: 1 } },
      )
      .lean<LearningSession>();
    if (!owed) return false;
    await this.relay.deliver(this.sessions, owed);
    return true;
  }
}
