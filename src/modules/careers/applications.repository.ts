import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model, type QueryFilter } from 'mongoose';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { findPage, type PageRequest } from '../../core/database/find-page.js';
import { insertLean } from '../../core/database/insert-lean.js';
import { Sequences } from '../../core/database/sequences.js';
import { EffectsRelay, owedEffects, type EffectRequest } from '../../core/events/index.js';
import type { Page } from '../../core/http/pagination.js';
import { ProblemException } from '../../core/http/problem.js';
import {
  auditEntry,
  transition,
  type TransitionOrigin,
  type TransitionRequest,
  type TransitionResult,
} from '../../core/lifecycle/index.js';
import { applicationLifecycle, FINAL_APPLICATION_STATUSES, type ApplicationStatus } from './application.lifecycle.js';
import {
  activeKeyOf,
  applicationCounterName,
  formatApplicationNumber,
  MAX_INTERVIEWS_PER_APPLICATION,
  MAX_NOTES_PER_APPLICATION,
  releasedKeyOf,
} from './careers-fields.js';
import { JobApplication, type Applicant, type ApplicationPosition, type Interview, type Resume } from './schemas/job-application.schema.js';

export interface NewApplication {
  position: ApplicationPosition;
  applicant: Applicant;
  resume: Resume;
}

export type NewInterview = Omit<Interview, '_id' | 'feedback' | 'score' | 'feedbackBy' | 'feedbackAt'>;

/**
 * The one writer of `jobapplications`: each change with the effects it owes in the same
 * single-document update, guarded in its filter, then delivered.
 */
@Injectable()
export class ApplicationsRepository {
  constructor(
    @InjectModel(JobApplication.name) readonly model: Model<JobApplication>,
    private readonly sequences: Sequences,
    private readonly relay: EffectsRelay,
  ) {}

  /** A submitted application; a second active one for the posting and address is 409 (by the unique active key). */
  async insert(application: NewApplication, origin: TransitionOrigin): Promise<JobApplication> {
    const now = new Date();
    const year = now.getUTCFullYear();
    const applicationId = formatApplicationNumber(year, await this.sequences.next(applicationCounterName(year)));
    try {
      return await insertLean(this.model, {
        applicationId,
        ...application,
        status: applicationLifecycle.table.initial,
        activeKey: activeKeyOf(application.position.postingId.toString(), application.applicant.email),
        audit: [auditEntry(null, applicationLifecycle.table.initial, origin, now)],
        createdAt: now,
      });
    } catch (error) {
      if (isDuplicateKeyOn(error, ['activeKey']))
        throw new ProblemException(
          HttpStatus.CONFLICT,
          'application-exists',
          'Already applied',
          'This address already has an active application for this posting.',
        );
      throw error;
    }
  }

  findById(id: string | Types.ObjectId): Promise<JobApplication | null> {
    return this.model.findById(new Types.ObjectId(id)).lean<JobApplication>();
  }

  /** The name on the latest application from this address, or undefined when it never applied. */
  async applicantNameFor(email: string): Promise<string | undefined> {
    const latest = await this.model
      .findOne({ 'applicant.email': email.toLowerCase() }, { 'applicant.name': 1 })
      .sort({ createdAt: -1, _id: -1 })
      .lean<Pick<JobApplication, 'applicant'>>();
    return latest?.applicant.name;
  }

  /** Moves the status: compare-and-set, audited, with its owed effects; a final stage frees the posting and address. */
  async move(request: TransitionRequest<ApplicationStatus>): Promise<TransitionResult<JobApplication>> {
    const set = FINAL_APPLICATION_STATUSES.includes(request.to)
      ? { ...request.set, activeKey: releasedKeyOf(request.id.toString()) }
      : request.set;
    const result = await transition(this.model, applicationLifecycle, { ...request, set });
    if (result.moved) await this.relay.deliver(this.model, result.document);
    return result;
  }

  async assignReviewer(id: Types.ObjectId, reviewerId: Types.ObjectId): Promise<JobApplication> {
    const updated = await this.model
      .findOneAndUpdate({ _id: id }, { $set: { reviewerId } }, { returnDocument: 'after' })
      .lean<JobApplication>();
    if (!updated) throw new NotFoundException('No such application.');
    return updated;
  }

  /** Schedules an interview on an application still in the pipeline, below the interview cap. */
  async pushInterview(
    id: Types.ObjectId,
    interview: NewInterview,
    effects: (interviewId: string) => EffectRequest[],
  ): Promise<JobApplication> {
    const interviewId = new Types.ObjectId();
    const filter = {
      _id: id,
      status: trusted({ $nin: [...FINAL_APPLICATION_STATUSES] }),
      interviewCount: trusted({ $lt: MAX_INTERVIEWS_PER_APPLICATION }),
    } as QueryFilter<JobApplication>;
    const updated = await this.model
      .findOneAndUpdate(
        filter,
        {
          $push: { interviews: { _id: interviewId, ...interview }, effects: { $each: owedEffects(effects(interviewId.toString())) } },
          $inc: { interviewCount: 1 },
        },
        { returnDocument: 'after' },
      )
      .lean<JobApplication>();
    if (!updated) return this.refuse(id, 'interviews', MAX_INTERVIEWS_PER_APPLICATION);
    await this.relay.deliver(this.model, updated);
    return updated;
  }

  /** Records an interview's feedback and score; null when the application or the interview is not there. */
  recordFeedback(
    id: Types.ObjectId,
    interviewId: Types.ObjectId,
    feedback: { feedback?: string; score?: number; feedbackBy: Types.ObjectId },
  ): Promise<JobApplication | null> {
    const set: Record<string, unknown> = { 'interviews.$.feedbackBy': feedback.feedbackBy, 'interviews.$.feedbackAt': new Date() };
    if (feedback.feedback !== undefined) set['interviews.$.feedback'] = feedback.feedback;
    if (feedback.score !== undefined) set['interviews.$.score'] = feedback.score;
    return this.model
      .findOneAndUpdate(
        { _id: id, 'interviews._id': interviewId } as QueryFilter<JobApplication>,
        { $set: set },
        { returnDocument: 'after' },
      )
      .lean<JobApplication>();
  }

  async pushNote(id: Types.ObjectId, authorId: Types.ObjectId, body: string): Promise<JobApplication> {
    const filter = { _id: id, noteCount: trusted({ $lt: MAX_NOTES_PER_APPLICATION }) } as QueryFilter<JobApplication>;
    const updated = await this.model
      .findOneAndUpdate(
        filter,
        { $push: { notes: { _id: new Types.ObjectId(), authorId, body, createdAt: new Date() } }, $inc: { noteCount: 1 } },
        { returnDocument: 'after' },
      )
      .lean<JobApplication>();
    if (!updated) return this.refuse(id, 'notes', MAX_NOTES_PER_APPLICATION);
    return updated;
  }

  page<D>(
    filter: QueryFilter<JobApplication>,
    request: PageRequest,
    toDto: (application: JobApplication) => D,
    sort: Record<string, 1 | -1> = { createdAt: -1 },
  ): Promise<Page<D>> {
    return findPage(this.model, filter, request, toDto, sort);
  }

  /** Up to `limit` applications matching the filter, newest first, for an export. */
  list(filter: QueryFilter<JobApplication>, limit: number): Promise<JobApplication[]> {
    return this.model.find(filter).sort({ createdAt: -1, _id: -1 }).limit(limit).lean<JobApplication[]>();
  }

  /**
   * Erases the personal data of a deleted user's applications (by account, or by their address when
   * applied signed out): the hiring record stays, the person does not. Answers the resume files they referred to.
   */
  async eraseApplicant(userId: Types.ObjectId, email: string): Promise<string[]> {
    const filter = {
      $or: [{ 'applicant.userId': userId }, { 'applicant.email': email.toLowerCase() }],
      erasedAt: null,
    } as QueryFilter<JobApplication>;
    const found = await this.model.find(filter, { _id: 1, resume: 1 }).lean<Pick<JobApplication, '_id' | 'resume'>[]>();
    if (found.length === 0) return [];
    const now = new Date();
    await this.model.bulkWrite(
      found.map(({ _id }) => ({
        updateOne: {
          filter: { _id },
          update: {
            $set: {
              applicant: { name: 'Erased applicant', email: `erased-${_id.toString()}@erased.invalid`, links: [] },
              resume: {},
              activeKey: releasedKeyOf(_id.toString()),
              erasedAt: now,
            },
          },
        },
      })),
      { ordered: false },
    );
    return found.flatMap(({ resume }) => (resume?.fileId ? [resume.fileId.toString()] : []));
  }

  /** Why a guarded append matched nothing: gone, finished, or full. */
  private async refuse(id: Types.ObjectId, list: 'interviews' | 'notes', max: number): Promise<never> {
    const current = await this.findById(id);
    if (!current) throw new NotFoundException('No such application.');
    if (list === 'interviews' && FINAL_APPLICATION_STATUSES.includes(current.status))
      throw new ProblemException(HttpStatus.CONFLICT, 'application-closed', 'Application closed', `The application is ${current.status}.`);
    throw new ProblemException(HttpStatus.CONFLICT, 'application-full', 'Application full', `An application holds at most ${max} ${list}.`);
  }
}
