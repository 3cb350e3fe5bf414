import { HttpStatus, Injectable } from '@nestjs/common';
import { Types, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { compact, within } from '../../core/database/find-page.js';
import { EffectsRelay } from '../../core/events/index.js';
import type { Page } from '../../core/http/pagination.js';
import { ProblemException, ValidationProblem } from '../../core/http/problem.js';
import { AuditTrail } from '../audit/index.js';
import { FilesService } from '../files/index.js';
import { UserDirectory } from '../identity/index.js';
import { ApplicationAccess } from './application-access.js';
import { statusChangeEffects } from './application-notices.js';
import { APPLICATIONS_CSV_HEADER, toApplicationCsvRow, toApplicationDto, toApplicationSummaryDto } from './application.mapper.js';
import { ApplicationsRepository } from './applications.repository.js';
import { originOf } from '../../core/lifecycle/index.js';
import { CareersConfig } from './careers.config.js';
import type { ApplicationDto, ApplicationSummaryDto, ResumeDownloadDto } from './dto/application.dto.js';
import type { PipelineExportQueryDto, PipelineQueryDto, TransitionApplicationDto } from './dto/pipeline-input.dto.js';
import type { JobApplication } from './schemas/job-application.schema.js';

type PipelineFilter = Omit<PipelineExportQueryDto, 'format'>;

/** The staff side of applications: the pipeline list and export, stage moves, reviewers and notes. */
@Injectable()
export class PipelineService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly access: ApplicationAccess,
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly users: UserDirectory,
    private readonly config: CareersConfig,
    private readonly files: FilesService,
    private readonly trail: AuditTrail,
  ) {}

  async list(ctx: RequestContext, query: PipelineQueryDto): Promise<Page<ApplicationSummaryDto>> {
    this.policy.require(ctx, 'application.pipeline');
    return this.applications.page(filterOf(query), query, (a) => toApplicationSummaryDto(a, { staff: true }));
  }

  /** Up to CAREERS_EXPORT_MAX_ROWS applications matching the filters, newest first, as CSV or JSON. */
  async export(ctx: RequestContext, query: PipelineExportQueryDto): Promise<{ contentType: string; body: string }> {
    this.policy.require(ctx, 'application.pipeline');
    const rows = await this.applications.list(filterOf(query), this.config.CAREERS_EXPORT_MAX_ROWS);
    // Applicants' personal data leaving the system: who took it, with which filter, how many rows (never the rows).
    await this.trail.record(ctx, {
      action: 'application.exported',
      targetType: 'applications',
      targetId: query.postingId ?? 'all',
      after: {
        postingId: query.postingId,
        status: query.status,
        reviewerId: query.reviewerId,
        submittedFrom: query.submittedFrom,
        submittedTo: query.submittedTo,
        format: query.format ?? 'csv',
        rowCount: rows.length,
      },
    });
    if (query.format === 'json')
      return {
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify(rows.map((row) => toApplicationSummaryDto(row, { staff: true }))),
      };
    return { contentType: 'text/csv; charset=utf-8', body: APPLICATIONS_CSV_HEADER + rows.map(toApplicationCsvRow).join('') };
  }

  /** A staff move along the pipeline; the applicant is told. The offer stage is entered by making an offer. */
  async transition(ctx: RequestContext, id: string, input: TransitionApplicationDto): Promise<ApplicationDto> {
    const application = await this.access.loadForStaff(ctx, id);
    if (input.to === 'offer_extended' && application.status !== 'offer_extended')
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'offer-required',
        'Make an offer',
        'An application enters offer_extended when an offer is made (POST .../offer).',
      );
    const { moved, document } = await this.applications.move({
      id: application._id,
      to: input.to,
      origin: originOf(ctx, 'staff', input.reason),
      effects: statusChangeEffects(this.relay, application, input.to, input.reason),
    });
    // Staff leave the offer stage only by rejecting: that withdraws the open offer.
    if (moved)
      await this.trail.record(ctx, {
        action: application.status === 'offer_extended' ? 'application.offer-withdrawn' : 'application.transitioned',
        targetType: 'application',
        targetId: id,
        before: { status: application.status },
        after: { status: document.status, reason: input.reason },
      });
    return toApplicationDto(document, { staff: true });
  }

  async assignReviewer(ctx: RequestContext, id: string, reviewerId: string): Promise<ApplicationDto> {
    const application = await this.access.loadForStaff(ctx, id);
    const role = await this.users.roleOf(reviewerId);
    if (role !== 'staff' && role !== 'admin')
      throw new ValidationProblem([{ field: 'reviewerId', message: 'must be a staff or admin user' }]);
    const assigned = await this.applications.assignReviewer(application._id, new Types.ObjectId(reviewerId));
    if (application.reviewerId?.toString() !== reviewerId)
      await this.trail.record(ctx, {
        action: 'application.reviewer-assigned',
        targetType: 'application',
        targetId: id,
        before: { reviewerId: application.reviewerId ?? null },
        after: { reviewerId: assigned.reviewerId ?? null },
      });
    return toApplicationDto(assigned, { staff: true });
  }

  /** Where staff read the resume: the link given, or a short-lived signed download URL for an uploaded file. */
  async resume(ctx: RequestContext, id: string): Promise<ResumeDownloadDto> {
    const application = await this.access.loadForStaff(ctx, id);
    const { resume } = application;
    if (resume?.fileId) return this.files.downloadUrlFor(resume.fileId.toString());
    if (resume?.url) return { url: resume.url };
    throw new ProblemException(
      HttpStatus.NOT_FOUND,
      'resume-not-found',
      'No resume',
      'This application keeps no resume (withdrawn or erased).',
    );
  }

  async addNote(ctx: RequestContext, id: string, body: string): Promise<ApplicationDto> {
    const application = await this.access.loadForStaff(ctx, id);
    const noted = await this.applications.pushNote(application._id, new Types.ObjectId(actorOf(ctx).id), body);
    // The note's text stays on the application, readable by staff only; the log says who added which note.
    await this.trail.record(ctx, {
      action: 'application.note-added',
      targetType: 'application',
      targetId: id,
      after: { noteId: noted.notes.at(-1)?._id, noteLength: body.length },
    });
    return toApplicationDto(noted, { staff: true });
  }
}

const dateOf = (value: string | undefined) => (value ? new Date(value) : undefined);

function filterOf(query: PipelineFilter): QueryFilter<JobApplication> {
  return compact({
    'position.postingId': query.postingId ? new Types.ObjectId(query.postingId) : undefined,
    status: query.status,
    reviewerId: query.reviewerId ? new Types.ObjectId(query.reviewerId) : undefined,
    createdAt: within(dateOf(query.submittedFrom), dateOf(query.submittedTo)),
  }) as QueryFilter<JobApplication>;
}
