import { Injectable, NotFoundException } from '@nestjs/common';
import { Types } from 'mongoose';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { EffectsRelay } from '../../core/events/index.js';
import { ValidationProblem } from '../../core/http/problem.js';
import { AuditTrail } from '../audit/index.js';
import { UserDirectory } from '../identity/index.js';
import { ApplicationAccess } from './application-access.js';
import { interviewEffects } from './application-notices.js';
import { toApplicationDto } from './application.mapper.js';
import { ApplicationsRepository } from './applications.repository.js';
import type { ApplicationDto } from './dto/application.dto.js';
import type { InterviewFeedbackDto, ScheduleInterviewDto } from './dto/pipeline-input.dto.js';

const DEFAULT_INTERVIEW_MINUTES = 60;

/** Interviews on an application: staff schedule them (the applicant is told) and record feedback and a score. */
@Injectable()
export class InterviewsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly access: ApplicationAccess,
    private readonly relay: EffectsRelay,
    private readonly users: UserDirectory,
    private readonly trail: AuditTrail,
  ) {}

  async schedule(ctx: RequestContext, id: string, input: ScheduleInterviewDto): Promise<ApplicationDto> {
    const application = await this.access.loadForStaff(ctx, id);
    const scheduledAt = new Date(input.scheduledAt);
    if (scheduledAt.getTime() <= Date.now()) throw new ValidationProblem([{ field: 'scheduledAt', message: 'must be in the future' }]);
    const interviewerIds = [...new Set(input.interviewerIds)];
    const roles = await Promise.all(interviewerIds.map((interviewerId) => this.users.roleOf(interviewerId)));
    const outsider = roles.findIndex((role) => role !== 'staff' && role !== 'admin');
    if (outsider >= 0) throw new ValidationProblem([{ field: `interviewerIds.${outsider}`, message: 'must be a staff or admin user' }]);
    const durationMinutes = input.durationMinutes ?? DEFAULT_INTERVIEW_MINUTES;
    let scheduledId: string | undefined;
    const scheduled = await this.applications.pushInterview(
      application._id,
      {
        scheduledAt,
        durationMinutes,
        kind: input.kind,
        interviewerIds: interviewerIds.map((interviewerId) => new Types.ObjectId(interviewerId)),
        meetingUrl: input.meetingUrl,
        location: input.location,
        scheduledBy: new Types.ObjectId(actorOf(ctx).id),
      },
      (interviewId) => {
        scheduledId = interviewId;
        return interviewEffects(this.relay, application, { id: interviewId, kind: input.kind, scheduledAt, durationMinutes });
      },
    );
    // When and with whom; the meeting link and location stay on the application.
    await this.trail.record(ctx, {
      action: 'application.interview-scheduled',
      targetType: 'application',
      targetId: id,
      after: { interviewId: scheduledId, kind: input.kind, scheduledAt, durationMinutes, interviewerIds },
    });
    return toApplicationDto(scheduled, { staff: true });
  }

  async recordFeedback(ctx: RequestContext, id: string, interviewId: string, input: InterviewFeedbackDto): Promise<ApplicationDto> {
    const application = await this.access.loadForStaff(ctx, id);
    if (input.feedback === undefined && input.score === undefined)
      throw new ValidationProblem([{ field: 'feedback', message: 'give feedback, a score, or both' }]);
    const updated = await this.applications.recordFeedback(application._id, new Types.ObjectId(interviewId), {
      feedback: input.feedback,
      score: input.score,
      feedbackBy: new Types.ObjectId(actorOf(ctx).id),
    });
    if (!updated) throw new NotFoundException('No such interview on this application.');
    return toApplicationDto(updated, { staff: true });
  }
}
