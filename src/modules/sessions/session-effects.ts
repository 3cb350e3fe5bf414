import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { EffectsRelay } from '../../core/events/index.js';
import { MailService } from '../mail/index.js';
import { SESSION_EFFECTS_PERMISSIONS } from './session-effects.permissions.js';
import { RECOMPUTE_STANDING_EFFECT, SessionStanding } from './session-standing.js';
import { SESSIONS_TEMPLATES } from './sessions.templates.js';

/**
 * What sessions owe after the fact, wired at start: the feedback permissions, the session emails, and the
 * standing recompute, owed by a learner's rating and by every completion (the teacher taught one more).
 */
@Injectable()
export class SessionEffects implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly mail: MailService,
    private readonly standing: SessionStanding,
  ) {}

  onModuleInit(): void {
    this.policy.register(SESSION_EFFECTS_PERMISSIONS);
    this.mail.templates.register(...SESSIONS_TEMPLATES);
    this.relay.handle(RECOMPUTE_STANDING_EFFECT, (payload) =>
      this.standing.recomputeFor(new Types.ObjectId(String(payload.sessionId)), String(payload.occasion)),
    );
    this.relay.on('sessions.session-completed', 'sessions', ({ sessionId }) =>
      this.standing.recomputeFor(new Types.ObjectId(sessionId), 'completed'),
    );
  }
}
