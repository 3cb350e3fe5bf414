import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { IllegalTransitionProblem } from '../../../core/http/problem.js';
import { anyOf } from '../../../core/database/find-page.js';
import { transition } from '../../../core/lifecycle/index.js';
import { LearningSession } from '../schemas/learning-session.schema.js';
import { SessionFeedbackService } from '../session-feedback.service.js';
import { FINISHED_STATUSES, SLOT_HOLDING_STATUSES, sessionLifecycle } from '../session.lifecycle.js';
import { SessionNotices } from '../session-notices.js';

const DELETED_REASON = 'The other participant’s account was deleted.';

/**
 * A deleted account leaves its sessions: the ones still to take place (or under way) are cancelled, which tells
 * the other participant, and its own words (feedback comments, notes) leave the past ones. Idempotent for the
 * relay: a cancelled session is not cancelled again, and erasing twice erases nothing more.
 */
@Injectable()
export class SessionsIdentityListeners implements OnModuleInit {
  private readonly logger = new Logger(SessionsIdentityListeners.name);

  constructor(
    @InjectModel(LearningSession.name) private readonly sessions: Model<LearningSession>,
    private readonly relay: EffectsRelay,
    private readonly notices: SessionNotices,
    private readonly feedback: SessionFeedbackService,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'sessions', async ({ userId }, key) => {
      const id = new Types.ObjectId(userId);
      await this.cancelUpcoming(id);
      await this.feedback.eraseWordsOf(systemContext(key), id);
    });
  }

  private async cancelUpcoming(userId: Types.ObjectId): Promise<void> {
    // Served by the { participants.teacher|learner, schedule.startTime } indexes, one per branch.
    const upcoming = await this.sessions
      .find({
        $or: [{ 'participants.teacher': userId }, { 'participants.learner': userId }],
        status: anyOf(SLOT_HOLDING_STATUSES),
      } as QueryFilter<LearningSession>)
      .lean<LearningSession[]>();
    for (const session of upcoming) {
      const now = new Date();
      const notice = await this.notices.notice(session, userId.toString());
      try {
        const result = await transition(this.sessions, sessionLifecycle, {
          id: session._id,
          to: 'cancelled',
          // Moved as staff would: the only trigger allowed from every live state, so a session that started
          // between the read and the move is still cancelled.
          origin: {
            trigger: 'staff',
            source: 'system',
            actorId: userId.toString(),
            reason: 'account deleted',
          },
          set: { cancellation: { cancelledBy: userId, cancelledAt: now, reason: DELETED_REASON } },
          effects: this.notices.cancelled({ ...notice, cancellationReason: DELETED_REASON }),
        });
        if (result.moved) await this.relay.deliver(this.sessions, result.document);
      } catch (error) {
        // Finished between the read and the move: nothing left to cancel. Any other refusal is a fault to retry.
        if (!(error instanceof IllegalTransitionProblem) || !(await this.isFinished(session._id))) throw error;
        this.logger.debug(`session ${session._id.toString()} already finished`);
      }
    }
  }

  private async isFinished(id: Types.ObjectId): Promise<boolean> {
    const current = await this.sessions.findById(id).select({ status: 1 }).lean<Pick<LearningSession, 'status'>>();
    return !current || FINISHED_STATUSES.includes(current.status);
  }
}
