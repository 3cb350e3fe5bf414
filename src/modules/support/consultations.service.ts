import { ForbiddenException, HttpStatus, Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { PermissionPolicy, type Subject } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { compact, findPage, within } from '../../core/database/find-page.js';
import { EffectsRelay, owedEffects } from '../../core/events/index.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import { IllegalTransitionProblem, ProblemException } from '../../core/http/problem.js';
import { auditEntry, originOf, transition, type TransitionOrigin } from '../../core/lifecycle/index.js';
import { AuditTrail } from '../audit/index.js';
import { consultationLifecycle, type ConsultationStatus } from './consultation.lifecycle.js';
import { toConsultationDto } from './consultation.mapper.js';
import type { ConsultationTransitionDto, FeedbackDto, RequestConsultationDto } from './dto/consultation-input.dto.js';
import type { ConsultationDto, ConsultationQueueQueryDto } from './dto/consultation.dto.js';
import { Consultation } from './schemas/consultation.schema.js';
import type { ConsultationChange } from './support.events.js';
import type { SupportPermission } from './support.permissions.js';

const subjectOf = (consultation: Consultation): Subject => ({ ownerId: consultation.requesterId });

/** What each staff action moves to, and the change the requester is told about (none for a no-show). */
const ACTIONS: Record<
  Exclude<ConsultationTransitionDto['action'], 'reschedule'>,
  { to: ConsultationStatus; change?: ConsultationChange }
> = {
  confirm: { to: 'confirmed', change: 'confirmed' },
  complete: { to: 'completed', change: 'completed' },
  cancel: { to: 'canceled', change: 'canceled' },
  'no-show': { to: 'no_show' },
};

/** Consultations: requested by a user, confirmed, rescheduled and closed by staff, rated once after they took place. */
@Injectable()
export class ConsultationsService implements OnModuleInit {
  constructor(
    @InjectModel(Consultation.name) private readonly consultations: Model<Consultation>,
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly trail: AuditTrail,
  ) {}

  onModuleInit(): void {
    this.relay.carry(this.consultations);
  }

  /** Staff moves belong in the audit log; the requester's own cancellation does not. */
  private async recorded(ctx: RequestContext, before: Consultation, action: string, after: ConsultationDto): Promise<ConsultationDto> {
    await this.trail.record(ctx, {
      action: 'consultation.transitioned',
      targetType: 'consultation',
      targetId: before._id.toString(),
      before: { status: before.status, scheduledAt: before.scheduledAt },
      after: { status: after.status, scheduledAt: after.scheduledAt, staffAction: action },
    });
    return after;
  }

  async request(ctx: RequestContext, input: RequestConsultationDto): Promise<ConsultationDto> {
    this.policy.require(ctx, 'consultation.request');
    const now = new Date();
    const created = await this.consultations.create({
      requesterId: new Types.ObjectId(actorOf(ctx).id),
      type: input.type,
      company: input.company,
      project: { ...input.project, goals: input.project.goals ?? [] },
      scheduledAt: input.scheduledAt,
      requestedAt: input.scheduledAt,
      timezone: input.timezone,
      audit: [auditEntry(null, consultationLifecycle.table.initial, originOf(ctx, 'owner'), now)],
    });
    return toConsultationDto(created.toObject());
  }

  async get(ctx: RequestContext, id: string): Promise<ConsultationDto> {
    return toConsultationDto(await this.load(ctx, id, 'consultation.read'));
  }

  async listForUser(ctx: RequestContext, userId: string, query: PageQueryDto): Promise<Page<ConsultationDto>> {
    this.policy.requireOn(ctx, 'consultation.list', { ownerId: userId }, 'user');
    return findPage(this.consultations, { requesterId: new Types.ObjectId(userId) }, query, toConsultationDto, { createdAt: -1 });
  }

  /** The staff calendar: soonest meeting first. */
  async queue(ctx: RequestContext, query: ConsultationQueueQueryDto): Promise<Page<ConsultationDto>> {
    this.policy.require(ctx, 'consultation.queue');
    const filter = compact({
      status: query.status,
      type: query.type,
      scheduledAt: within(query.from ? new Date(query.from) : undefined, query.to ? new Date(query.to) : undefined),
    }) as QueryFilter<Consultation>;
    return findPage(this.consultations, filter, query, toConsultationDto, { scheduledAt: 1 });
  }

  /** The requester (or staff) calls it off before it takes place. */
  async cancel(ctx: RequestContext, id: string, reason?: string): Promise<ConsultationDto> {
    const consultation = await this.load(ctx, id, 'consultation.cancel');
    const byRequester = consultation.requesterId.toString() === ctx.actor?.id;
    const canceled = await this.move(
      ctx,
      consultation,
      'canceled',
      byRequester ? 'owner' : 'staff',
      reason,
      { canceledAt: new Date() },
      byRequester ? undefined : 'canceled',
    );
    return byRequester ? canceled : this.recorded(ctx, consultation, 'cancel', canceled);
  }

  async transition(ctx: RequestContext, id: string, input: ConsultationTransitionDto): Promise<ConsultationDto> {
    this.policy.require(ctx, 'consultation.transition');
    const consultation = await this.load(ctx, id, 'consultation.read');
    if (input.action === 'reschedule')
      return this.recorded(ctx, consultation, input.action, await this.reschedule(ctx, consultation, input));
    const { to, change } = ACTIONS[input.action];
    const set: Record<string, unknown> =
      input.action === 'confirm'
        ? { meeting: input.meeting, confirmedAt: new Date(), ...(input.scheduledAt ? { scheduledAt: input.scheduledAt } : {}) }
        : input.action === 'complete'
          ? { outcome: { summary: input.outcome!.summary, nextSteps: input.outcome!.nextSteps ?? [] }, completedAt: new Date() }
          : input.action === 'cancel'
            ? { canceledAt: new Date() }
            : {};
    return this.recorded(ctx, consultation, input.action, await this.move(ctx, consultation, to, 'staff', input.reason, set, change));
  }

  /** One rating, by the requester, once the consultation has been completed. */
  async feedback(ctx: RequestContext, id: string, input: FeedbackDto): Promise<ConsultationDto> {
    const consultation = await this.load(ctx, id, 'consultation.read');
    if (!this.policy.can(ctx, 'consultation.feedback', subjectOf(consultation)))
      throw new ForbiddenException('Only the requester gives feedback on a consultation.');
    const given = await this.consultations
      .findOneAndUpdate(
        { _id: consultation._id, status: 'completed', feedback: null } as QueryFilter<Consultation>,
        { $set: { feedback: { rating: input.rating, comment: input.comment, givenAt: new Date() } } },
        { returnDocument: 'after' },
      )
      .lean<Consultation>();
    if (given) return toConsultationDto(given);
    const current = await this.load(ctx, id, 'consultation.read');
    if (current.feedback)
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'feedback-given',
        'Feedback already given',
        'This consultation already has feedback.',
      );
    throw new ProblemException(
      HttpStatus.CONFLICT,
      'not-completed',
      'Not completed',
      'Feedback can be given once the consultation took place.',
    );
  }

  /** A deleted user's consultations (their company and project details are theirs). */
  async eraseRequester(ctx: RequestContext, userId: string): Promise<void> {
    this.policy.require(ctx, 'support.erase');
    await this.consultations.deleteMany({ requesterId: new Types.ObjectId(userId) });
  }

  private async move(
    ctx: RequestContext,
    consultation: Consultation,
    to: ConsultationStatus,
    trigger: TransitionOrigin['trigger'],
    reason: string | undefined,
    set: Record<string, unknown>,
    change: ConsultationChange | undefined,
  ): Promise<ConsultationDto> {
    const scheduledAt = (set.scheduledAt as Date | undefined) ?? consultation.scheduledAt;
    const meeting = (set.meeting as Consultation['meeting']) ?? consultation.meeting;
    const { moved, document } = await transition(this.consultations, consultationLifecycle, {
      id: consultation._id,
      to,
      origin: originOf(ctx, trigger, reason),
      set,
      effects: change ? this.owe(consultation, change, scheduledAt, meeting?.url, reason) : [],
    });
    if (moved) await this.relay.deliver(this.consultations, document);
    return toConsultationDto(document);
  }

  /** Confirmed → confirmed at a new time: compare-and-set on the status and the time it was read with, audited like a move. */
  private async reschedule(ctx: RequestContext, consultation: Consultation, input: ConsultationTransitionDto): Promise<ConsultationDto> {
    if (consultation.status !== 'confirmed') throw new IllegalTransitionProblem('consultation', consultation.status, 'rescheduled');
    consultationLifecycle.assertMove('confirmed', 'confirmed', 'staff');
    const scheduledAt = input.scheduledAt!;
    const meeting = input.meeting ?? consultation.meeting;
    const now = new Date();
    const origin = originOf(ctx, 'staff', input.reason ?? `rescheduled from ${consultation.scheduledAt.toISOString()}`);
    const effects = this.owe(consultation, 'rescheduled', scheduledAt, meeting?.url, input.reason);
    const updated = await this.consultations
      .findOneAndUpdate(
        { _id: consultation._id, status: 'confirmed', scheduledAt: consultation.scheduledAt } as QueryFilter<Consultation>,
        {
          $set: { scheduledAt, ...(input.meeting ? { meeting: input.meeting } : {}) },
          $inc: { rescheduleCount: 1 },
          $push: { audit: auditEntry('confirmed', 'confirmed', origin, now), effects: { $each: owedEffects(effects, now) } },
        },
        { returnDocument: 'after' },
      )
      .lean<Consultation>();
    if (!updated) throw new IllegalTransitionProblem('consultation', 'a concurrently changed state', 'rescheduled');
    await this.relay.deliver(this.consultations, updated);
    return toConsultationDto(updated);
  }

  private owe(consultation: Consultation, change: ConsultationChange, scheduledAt: Date, meetingUrl?: string, reason?: string) {
    const id = consultation._id.toString();
    return this.relay.owe(
      'support.consultation-changed',
      {
        consultationId: id,
        requesterId: consultation.requesterId.toString(),
        change,
        consultationType: consultation.type,
        scheduledAt: scheduledAt.toISOString(),
        timezone: consultation.timezone,
        meetingUrl,
        reason,
      },
      `consultation:${id}:${change}:${new Types.ObjectId().toString()}`,
    );
  }

  private async load(ctx: RequestContext, id: string, permission: SupportPermission): Promise<Consultation> {
    const consultation = await this.consultations.findById(new Types.ObjectId(id)).lean<Consultation>();
    this.policy.requireOn(ctx, permission, consultation ? subjectOf(consultation) : {}, 'consultation');
    if (!consultation) throw new NotFoundException('No such consultation.');
    return consultation;
  }
}
