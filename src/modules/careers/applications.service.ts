import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { EffectsRelay } from '../../core/events/index.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import { ProblemException } from '../../core/http/problem.js';
import { ApplicationAccess, type ApplicantCredentials } from './application-access.js';
import { statusChangeEffects } from './application-notices.js';
import { toApplicationDto, toApplicationSummaryDto } from './application.mapper.js';
import { ApplicationsRepository } from './applications.repository.js';
import { originOf } from '../../core/lifecycle/index.js';
import type { ApplicationFieldsDto } from './dto/application-input.dto.js';
import type { ApplicationDto, ApplicationSummaryDto } from './dto/application.dto.js';
import { FilesService, type UploadPart } from '../files/index.js';
import { FollowUpLinks } from './follow-up-links.js';
import { PostingsService } from './postings.service.js';
import type { Resume } from './schemas/job-application.schema.js';
import { FINAL_APPLICATION_STATUSES } from './application.lifecycle.js';

export interface ApplicationInput extends ApplicationFieldsDto {
  links?: string[];
}

/** The applicant's side: applying, reading their applications (signed in or by follow-up token) and withdrawing. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly access: ApplicationAccess,
    private readonly policy: PermissionPolicy,
    private readonly postings: PostingsService,
    private readonly links: FollowUpLinks,
    private readonly relay: EffectsRelay,
    private readonly files: FilesService,
  ) {}

  /** A new application to an open posting; the applicant is mailed a follow-up link. */
  async submit(ctx: RequestContext, input: ApplicationInput, resume: Resume): Promise<ApplicationDto> {
    this.policy.require(ctx, 'application.submit');
    const posting = await this.postings.openPosting(input.postingId);
    if (!posting) throw postingNotOpen();
    const email = input.email.toLowerCase();
    const application = await this.applications.insert(
      {
        position: {
          postingId: posting._id,
          title: posting.position,
          department: posting.department,
          employmentType: posting.employmentType,
        },
        applicant: {
          userId: ctx.actor ? new Types.ObjectId(ctx.actor.id) : undefined,
          name: input.name,
          email,
          phone: input.phone,
          coverLetter: input.coverLetter,
          links: input.links ?? [],
        },
        resume,
      },
      originOf(ctx, 'owner'),
    );
    await this.links.send(email, input.name);
    return toApplicationDto(application, { staff: false });
  }

  /**
   * The same application with an uploaded resume: checked (type, size) and stored by the files context
   * first, on the applicant's account when signed in, and removed again if the application is refused.
   */
  async submitWithFile(ctx: RequestContext, input: ApplicationFieldsDto, part: UploadPart): Promise<ApplicationDto> {
    this.policy.require(ctx, 'application.submit');
    if (!(await this.postings.openPosting(input.postingId))) throw postingNotOpen();
    const file = await this.files.storeUpload(ctx.actor?.id ?? null, 'resume', part);
    try {
      return await this.submit(ctx, input, { fileId: new Types.ObjectId(file.id), fileName: file.fileName });
    } catch (error) {
      await this.files.remove(file.id);
      throw error;
    }
  }

  async get(ctx: RequestContext, id: string, credentials: ApplicantCredentials): Promise<ApplicationDto> {
    const { application, staff } = await this.access.load(ctx, id, credentials);
    return toApplicationDto(application, { staff });
  }

  /** A user's applications, newest first: the user themself, or staff. */
  async listForUser(ctx: RequestContext, userId: string, query: PageQueryDto): Promise<Page<ApplicationSummaryDto>> {
    this.policy.requireOn(ctx, 'application.list', { ownerId: userId }, 'user');
    const staff = this.policy.can(ctx, 'application.pipeline');
    return this.applications.page({ 'applicant.userId': new Types.ObjectId(userId) }, query, (a) => toApplicationSummaryDto(a, { staff }));
  }

  /**
   * The applications from one address: staff, or whoever presents a follow-up token for that very
   * address. The address alone is never enough: no token and no session is 401, anything else 404.
   */
  async listForEmail(
    ctx: RequestContext,
    email: string,
    credentials: ApplicantCredentials,
    query: PageQueryDto,
  ): Promise<Page<ApplicationSummaryDto>> {
    const address = email.toLowerCase();
    const staff = this.policy.can(ctx, 'application.pipeline');
    if (!staff) {
      if (!ctx.actor && !credentials.token)
        throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Unauthorized', 'Present the token from your follow-up link.');
      if ((await this.links.emailOf(credentials.token)) !== address) throw new NotFoundException('No such applicant.');
    }
    return this.applications.page({ 'applicant.email': address }, query, (a) => toApplicationSummaryDto(a, { staff }));
  }

  /** The applicant withdraws from any stage that is not final (a final one: 409). */
  async withdraw(ctx: RequestContext, id: string, credentials: ApplicantCredentials, reason?: string): Promise<ApplicationDto> {
    const { caller, application } = await this.access.loadForApplicant(ctx, id, credentials, 'application.withdraw');
    if (FINAL_APPLICATION_STATUSES.includes(application.status) && application.status !== 'withdrawn')
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'application-final',
        'Application finished',
        `The application is already ${application.status}.`,
      );
    const fileId = application.resume?.fileId?.toString();
    const { document } = await this.applications.move({
      id: application._id,
      to: 'withdrawn',
      origin: originOf(caller, 'owner', reason ?? 'withdrawn by the applicant'),
      // A withdrawn application keeps no uploaded resume.
      set: fileId ? { resume: {} } : undefined,
      effects: statusChangeEffects(this.relay, application, 'withdrawn', reason),
    });
    if (fileId) await this.files.remove(fileId);
    return toApplicationDto(document, { staff: false });
  }

  /** Always accepted, so the answer never says whether an address applied; mails a link only when it did. */
  async requestFollowUpLink(ctx: RequestContext, email: string): Promise<void> {
    this.policy.require(ctx, 'application.follow-up-link');
    const address = email.toLowerCase();
    const name = await this.applications.applicantNameFor(address);
    if (name) await this.links.send(address, name);
  }
}

const postingNotOpen = () =>
  new ProblemException(HttpStatus.NOT_FOUND, 'posting-not-open', 'Posting not open', 'No open job posting has this id.');
