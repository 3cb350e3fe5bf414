import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy, type Subject } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { LearningSession } from './schemas/learning-session.schema.js';
import { roleIn } from './session.mapper.js';
import type { SessionsPermission } from './sessions.permissions.js';

/** The learner booked the session (its owner); both sides take part in it. */
export const subjectOfSession = (session: Pick<LearningSession, 'participants'>): Subject => ({
  ownerId: session.participants.learner,
  participantIds: [session.participants.teacher, session.participants.learner],
});

/** Loads a session for a caller: someone else's session does not exist for them (404). */
@Injectable()
export class SessionAccess {
  constructor(
    @InjectModel(LearningSession.name) private readonly sessions: Model<LearningSession>,
    private readonly policy: PermissionPolicy,
  ) {}

  async load(ctx: RequestContext, id: string, permission: SessionsPermission): Promise<LearningSession> {
    const session = await this.sessions.findById(new Types.ObjectId(id)).lean<LearningSession>();
    this.policy.requireOn(ctx, permission, session ? subjectOfSession(session) : {}, 'session');
    if (!session) throw new NotFoundException('No such session.');
    return session;
  }

  /** A session the caller may see but only its teacher conducts (start, pause, resume, end): 403 for anyone else. */
  async loadAsTeacher(ctx: RequestContext, id: string): Promise<LearningSession> {
    const session = await this.load(ctx, id, 'session.read');
    if (roleIn(session, ctx.actor?.id) !== 'teacher' || !this.policy.can(ctx, 'session.conduct', subjectOfSession(session)))
      throw new ForbiddenException('Only the session’s teacher conducts it.');
    return session;
  }
}
