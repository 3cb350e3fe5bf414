import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { TENANT_SCOPE_SOURCE } from '../../core/auth/tenant-scope.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EffectsRelay } from '../../core/events/index.js';
import { IdentityModule } from '../identity/index.js';
import { MailModule, MailService } from '../mail/index.js';
import { InviteMail } from './invite-mail.js';
import { InvitesController } from './invites.controller.js';
import { InvitesService } from './invites.service.js';
import { TenancyJobs } from './jobs/tenancy.jobs.js';
import { IdentityListeners } from './listeners/identity.listeners.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { MembershipsRepository } from './memberships.repository.js';
import { Invite, InviteSchema } from './schemas/invite.schema.js';
import { Membership, MembershipSchema } from './schemas/membership.schema.js';
import { Team, TeamSchema } from './schemas/team.schema.js';
import { TeamMember, TeamMemberSchema } from './schemas/team-member.schema.js';
import { Tenant, TenantSchema } from './schemas/tenant.schema.js';
import { TenancyAudit } from './tenancy-audit.js';
import { TenancyConfig } from './tenancy.config.js';
import { TENANCY_PERMISSIONS } from './tenancy.permissions.js';
import { TENANCY_TEMPLATES } from './tenancy.templates.js';
import { TenantClosure } from './tenant-closure.js';
import { TenantDirectory } from './tenant-directory.js';
import { TenancyScopeSource } from './tenant-scope.source.js';
import { TenantsController } from './tenants.controller.js';
import { TenantsRepository } from './tenants.repository.js';
import { TenantsService } from './tenants.service.js';
import { TeamsController } from './teams.controller.js';
import { TeamsService } from './teams.service.js';

/** Tenants, their members and roles, invites and teams; and who may act in which tenant. */
@Module({
  imports: [
    IdentityModule,
    MailModule,
    MongooseModule.forFeature([
      { name: Tenant.name, schema: TenantSchema },
      { name: Membership.name, schema: MembershipSchema },
      { name: Invite.name, schema: InviteSchema },
      { name: Team.name, schema: TeamSchema },
      { name: TeamMember.name, schema: TeamMemberSchema },
    ]),
  ],
  controllers: [TenantsController, MembersController, InvitesController, TeamsController],
  providers: [
    configSectionProvider(TenancyConfig),
    TenantsRepository,
    MembershipsRepository,
    TenantsService,
    MembersService,
    InvitesService,
    InviteMail,
    TeamsService,
    IdentityListeners,
    TenancyJobs,
    TenantClosure,
    TenancyAudit,
    TenantDirectory,
    // The tenant guard in core asks tenancy who stands where in a tenant.
    { provide: TENANT_SCOPE_SOURCE, useClass: TenancyScopeSource },
  ],
  exports: [TenantDirectory],
})
export class TenancyModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly tenants: TenantsRepository,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.policy.register(TENANCY_PERMISSIONS);
    this.mail.templates.register(...TENANCY_TEMPLATES);
    // The sweep retries what a tenant owes (invite emails, the close cascade, events) and could not deliver at once.
    this.relay.carry(this.tenants.model);
  }
}
