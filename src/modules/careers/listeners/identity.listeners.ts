import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { FilesService } from '../../files/index.js';
import { ApplicationsRepository } from '../applications.repository.js';
import { FollowUpLinks } from '../follow-up-links.js';

/**
 * A deleted account takes its personal data out of careers: the applicant's details, links and resume
 * on every application made signed in or from its address, and the follow-up links of that address.
 * The hiring record (stage, interviews, offer) stays. Idempotent, so the relay may run it again.
 */
@Injectable()
export class IdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
    private readonly applications: ApplicationsRepository,
    private readonly links: FollowUpLinks,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'careers', async ({ userId, email }, key) => {
      this.policy.require(systemContext(key), 'careers.erase');
      const [resumes] = await Promise.all([
        this.applications.eraseApplicant(new Types.ObjectId(userId), email),
        this.links.eraseFor(email),
      ]);
      // Resumes uploaded signed out belong to no account, so only careers knows to remove them.
      await Promise.all(resumes.map((fileId) => this.files.remove(fileId)));
    });
  }
}
