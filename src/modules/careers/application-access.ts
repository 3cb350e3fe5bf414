import { ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { PermissionPolicy, type Subject } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { ApplicationsRepository } from './applications.repository.js';
import type { CareersPermission } from './careers.permissions.js';
import { FollowUpLinks } from './follow-up-links.js';
import type { JobApplication } from './schemas/job-application.schema.js';

/** The signed-in applicant owns an application. */
/** What an applicant without a session presents: the token from the mailed follow-up link (`?token=`). */
export interface ApplicantCredentials {
  token?: string;
}

export const subjectOfApplication = (application: JobApplication): Subject => ({ ownerId: application.applicant.userId });

export interface LoadedApplication {
  /** The request's context. */
  caller: RequestContext;
  application: JobApplication;
  /** The caller is the applicant: by account, or by a follow-up token for the application's address. */
  applicant: boolean;
  /** The caller sees the staff view. */
  staff: boolean;
}

/**
 * Loads an application for a caller: staff, the signed-in applicant, or whoever presents a valid
 * follow-up token for its address. To anyone else it does not exist (404); with neither a session
 * nor a token the answer is 401.
 */
@Injectable()
export class ApplicationAccess {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly policy: PermissionPolicy,
    private readonly links: FollowUpLinks,
  ) {}

  async load(ctx: RequestContext, id: string, credentials: ApplicantCredentials): Promise<LoadedApplication> {
    const caller = ctx;
    if (!caller.actor && !credentials.token) throw new UnauthorizedException('Sign in, or present the token from your follow-up link.');
    const application = await this.applications.findById(id);
    const subject = application ? subjectOfApplication(application) : {};
    const staff = this.policy.can(caller, 'application.pipeline');
    const owner = application !== null && this.policy.can(caller, 'application.withdraw', subject);
    const byToken = application !== null && !owner && (await this.links.emailOf(credentials.token)) === application.applicant.email;
    if (!byToken) this.policy.requireOn(caller, 'application.read', subject, 'application');
    if (!application) throw new NotFoundException('No such application.');
    return { caller, application, applicant: owner || byToken, staff };
  }

  /** Only the applicant may do this (withdraw, answer an offer); staff see the application but are refused (403). */
  async loadForApplicant(
    ctx: RequestContext,
    id: string,
    credentials: ApplicantCredentials,
    permission: CareersPermission,
  ): Promise<LoadedApplication> {
    const loaded = await this.load(ctx, id, credentials);
    if (!loaded.applicant) throw new ForbiddenException(`Only the applicant may do this (${permission}).`);
    return loaded;
  }

  /** For staff actions on one application: 403 for anyone else before any lookup, 404 when absent. */
  async loadForStaff(ctx: RequestContext, id: string): Promise<JobApplication> {
    this.policy.require(ctx, 'application.pipeline');
    const application = await this.applications.findById(id);
    if (!application) throw new NotFoundException('No such application.');
    return application;
  }
}
