import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { FilesService } from '../files.service.js';

/** A deleted account takes the files it uploaded with it, bytes and metadata. Idempotent, so the relay may run it again. */
@Injectable()
export class IdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'files', async ({ userId }, key) => {
      this.policy.require(systemContext(key), 'files.erase');
      await this.files.eraseOwner(userId);
    });
  }
}
