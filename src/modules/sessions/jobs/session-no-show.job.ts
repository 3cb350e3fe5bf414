import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, type Model, type QueryFilter } from 'mongoose';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { IllegalTransitionProblem } from '../../../core/http/problem.js';
import { transition } from '../../../core/lifecycle/index.js';
import { LearningSession } from '../schemas/learning-session.schema.js';
import { sessionLifecycle } from '../session.lifecycle.js';
import { SessionJobsConfig } from './session-jobs.config.js';

export const SESSION_NO_SHOW_JOB = 'sessions.no-show';

const BATCH = 200;
const MAX_BATCHES = 25;

type Side = 'teacher' | 'learner';

/**
 * Closes the sessions nobody started: scheduled, the grace period after the booked start over, and at most one
 * participant in the room. The move is the lifecycle's compare-and-set from `scheduled` by the system, so two
 * instances closing the same session move it once; one started meanwhile is left alone.
 */
@Injectable()
export class SessionNoShowJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(SessionNoShowJob.name);

  constructor(
    @InjectModel(LearningSession.name) private readonly sessions: Model<LearningSession>,
    private readonly jobs: JobRunner,
    private readonly config: SessionJobsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every(SESSION_NO_SHOW_JOB, this.config.SESSIONS_NO_SHOW_EVERY_SECONDS * 1000, () => this.run());
  }

  /** Answers how many sessions this run moved to no_show. */
  async run(now = new Date()): Promise<{ items: number }> {
    const deadline = new Date(now.getTime() - this.config.SESSIONS_NO_SHOW_GRACE_MINUTES * 60_000);
    // Served by the { status, schedule.startTime } index. Both joined but not yet started is the teacher's to start,
    // until the booked end: then the teacher, who never started it, is the absentee.
    const filter = {
      status: 'scheduled',
      'schedule.startTime': trusted({ $lte: deadline }),
      $or: [{ 'activity.joinedAt.teacher': null }, { 'activity.joinedAt.learner': null }, { 'schedule.endTime': trusted({ $lte: now }) }],
    } as QueryFilter<LearningSession>;
    let moved = 0;
    let after: LearningSession['_id'] | undefined;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const due = await this.sessions
        .find(after ? { ...filter, _id: trusted({ $gt: after }) } : filter, { activity: 1 })
        .sort({ _id: 1 })
        .limit(BATCH)
        .lean<LearningSession[]>();
      for (const session of due) if (await this.close(session)) moved++;
      if (due.length < BATCH) break;
      after = due[due.length - 1]._id;
    }
    return { items: moved };
  }

  private async close(session: LearningSession): Promise<boolean> {
    const joined = session.activity?.joinedAt ?? {};
    const missing = (['teacher', 'learner'] as const).filter((side: Side) => !joined[side]);
    const absentees: Side[] = missing.length ? missing : ['teacher'];
    const reason = !missing.length
      ? 'the teacher never started it'
      : missing.length === 2
        ? 'nobody joined'
        : `the ${missing[0]} did not join`;
    try {
      const result = await transition(this.sessions, sessionLifecycle, {
        id: session._id,
        to: 'no_show',
        origin: { trigger: 'system', source: 'job', reason },
        set: { absentees },
      });
      return result.moved;
    } catch (error) {
      // Started (or cancelled) between the read and the move: no longer a no-show.
      if (error instanceof IllegalTransitionProblem) return false;
      this.logger.warn(`session ${session._id.toString()} left for the next run: ${String(error)}`);
      return false;
    }
  }
}
