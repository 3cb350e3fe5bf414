import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import { systemContext } from '../../../core/auth/request-context.js';
import { scoped, tenantIdOf } from '../../../core/database/tenant-scoped.js';
import { EffectsRelay } from '../../../core/events/index.js';
import type { TenantClosedEvent } from '../../tenancy/index.js';
import { Lead } from '../schemas/lead.schema.js';

/** A closed tenant's leads go with it; deleting again finds nothing, so a redelivery is harmless. */
@Injectable()
export class LeadsTenancyListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
    @InjectModel(Lead.name) private readonly leads: Model<Lead>,
  ) {}

  onModuleInit(): void {
    this.relay.on('tenant.closed', 'leads', async ({ tenantId }: TenantClosedEvent, key) => {
      this.policy.require(systemContext(key), 'lead.system');
      await scoped(this.leads).deleteMany({ tenantId: tenantIdOf(tenantId) });
    });
  }
}
