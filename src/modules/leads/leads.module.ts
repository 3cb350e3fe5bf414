import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EffectsRelay } from '../../core/events/index.js';
import { LeadDirectory } from './lead-directory.js';
import { LeadEvents } from './lead-events.js';
import { LeadImportService } from './lead-import.service.js';
import { LeadsConfig } from './leads.config.js';
import { LeadsController } from './leads.controller.js';
import { LEADS_PERMISSIONS } from './leads.permissions.js';
import { LeadsService } from './leads.service.js';
import { LeadsTenancyListeners } from './listeners/tenancy.listeners.js';
import { LeadsVoiceCallsListeners } from './listeners/voice-calls.listeners.js';
import { Lead, LeadSchema } from './schemas/lead.schema.js';

/** A tenant's leads: the people its voice agents call, with their lifecycle, bulk import and call marks. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Lead.name, schema: LeadSchema }])],
  controllers: [LeadsController],
  providers: [
    configSectionProvider(LeadsConfig),
    LeadEvents,
    LeadsService,
    LeadImportService,
    LeadDirectory,
    LeadsVoiceCallsListeners,
    LeadsTenancyListeners,
  ],
  exports: [LeadDirectory],
})
export class LeadsModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    @InjectModel(Lead.name) private readonly leads: Model<Lead>,
  ) {}

  onModuleInit(): void {
    this.policy.register(LEADS_PERMISSIONS);
    // The relay's sweep retries the lead.updated a change owed and could not deliver at once (and an import's).
    this.relay.carry(this.leads);
  }
}
