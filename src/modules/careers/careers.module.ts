import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EffectsRelay } from '../../core/events/index.js';
import { FilesModule } from '../files/index.js';
import { IdentityModule } from '../identity/index.js';
import { MailModule, MailService } from '../mail/index.js';
import { ApplicationAccess } from './application-access.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ApplicationsService } from './applications.service.js';
import { CareersConfig } from './careers.config.js';
import { CAREERS_PERMISSIONS } from './careers.permissions.js';
import { CAREERS_TEMPLATES } from './careers.templates.js';
import { FollowUpLinks } from './follow-up-links.js';
import { InterviewsService } from './interviews.service.js';
import { JobPostingsController } from './job-postings.controller.js';
import { IdentityListeners } from './listeners/identity.listeners.js';
import { OffersService } from './offers.service.js';
import { PipelineController } from './pipeline.controller.js';
import { PipelineService } from './pipeline.service.js';
import { PostingsService } from './postings.service.js';
import { FollowUpLink, FollowUpLinkSchema } from './schemas/follow-up-link.schema.js';
import { JobApplication, JobApplicationSchema } from './schemas/job-application.schema.js';
import { JobPosting, JobPostingSchema } from './schemas/job-posting.schema.js';

/** Careers: job postings and applications through the hiring pipeline. */
@Module({
  imports: [
    FilesModule,
    IdentityModule,
    MailModule,
    MongooseModule.forFeature([
      { name: JobPosting.name, schema: JobPostingSchema },
      { name: JobApplication.name, schema: JobApplicationSchema },
      { name: FollowUpLink.name, schema: FollowUpLinkSchema },
    ]),
  ],
  // Static paths (export, follow-up-link) are matched before parameters whatever the order, so the two controllers may share a prefix.
  controllers: [JobPostingsController, ApplicationsController, PipelineController],
  providers: [
    configSectionProvider(CareersConfig),
    // The applicant routes are public and check a presented access token themselves, as the guard would.
    ApplicationsRepository,
    ApplicationAccess,
    FollowUpLinks,
    PostingsService,
    ApplicationsService,
    PipelineService,
    InterviewsService,
    OffersService,
    IdentityListeners,
  ],
  exports: [PostingsService, ApplicationsService],
})
export class CareersModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly applications: ApplicationsRepository,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.policy.register(CAREERS_PERMISSIONS);
    this.mail.templates.register(...CAREERS_TEMPLATES);
    // The relay's sweep retries whatever an application change owes and could not deliver at once.
    this.relay.carry(this.applications.model);
  }
}
