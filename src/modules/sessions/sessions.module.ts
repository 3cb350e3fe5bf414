import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EffectsRelay } from '../../core/events/index.js';
import { LearningModule } from '../learning/index.js';
import { MailModule } from '../mail/index.js';
import { SkillsModule } from '../skills/index.js';
import { BookingService } from './booking.service.js';
import { CalendarLocks } from './calendar-locks.js';
import { videoRoomsProvider } from './providers/video-rooms.provider.js';
import { LearningSession, LearningSessionSchema } from './schemas/learning-session.schema.js';
import { SessionAccess } from './session-access.js';
import { SessionMovesService } from './session-moves.service.js';
import { SessionNotices } from './session-notices.js';
import { SessionsConfig } from './sessions.config.js';
import { SessionsController } from './sessions.controller.js';
import { SESSIONS_PERMISSIONS } from './sessions.permissions.js';
import { SessionsService } from './sessions.service.js';
import { SessionNoShowJob } from './jobs/session-no-show.job.js';
import { SessionJobsConfig } from './jobs/session-jobs.config.js';
import { SessionRemindersJob } from './jobs/session-reminders.job.js';
import { SessionsBillingListeners } from './listeners/billing.listeners.js';
import { SessionsIdentityListeners } from './listeners/identity.listeners.js';
import { SessionEffects } from './session-effects.js';
import { SessionFeedbackController } from './session-feedback.controller.js';
import { SessionFeedbackService } from './session-feedback.service.js';
import { SessionStanding } from './session-standing.js';

/** Learning sessions: one-to-one lessons between a teacher and a learner, with a video room and a lifecycle. */
@Module({
  imports: [
    SkillsModule,
    LearningModule,
    MailModule,
    MongooseModule.forFeature([{ name: LearningSession.name, schema: LearningSessionSchema }]),
  ],
  controllers: [SessionsController, SessionFeedbackController],
  providers: [
    configSectionProvider(SessionsConfig),
    videoRoomsProvider,
    CalendarLocks,
    SessionAccess,
    SessionNotices,
    BookingService,
    SessionsService,
    SessionMovesService,
    configSectionProvider(SessionJobsConfig),
    SessionStanding,
    SessionFeedbackService,
    SessionEffects,
    SessionRemindersJob,
    SessionNoShowJob,
    SessionsIdentityListeners,
    SessionsBillingListeners,
  ],
  exports: [SessionAccess],
})
export class SessionsModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    @InjectModel(LearningSession.name) private readonly sessions: Model<LearningSession>,
  ) {}

  onModuleInit(): void {
    this.policy.register(SESSIONS_PERMISSIONS);
    // The relay's sweep retries whatever a session change owes and could not deliver at once.
    this.relay.carry(this.sessions);
  }
}
