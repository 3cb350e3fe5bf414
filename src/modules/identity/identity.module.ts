import { Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ACCOUNT_STATE_SOURCE } from '../../core/auth/account-state.js';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { systemContext } from '../../core/auth/request-context.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EffectsRelay } from '../../core/events/index.js';
import { MailModule, MailService } from '../mail/index.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { IdentityAccountStateSource } from './account-state.source.js';
import { AccountStatusService } from './account-status.service.js';
import { ActivityService } from './activity.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { EmailVerificationController } from './email-verification.controller.js';
import { EmailVerificationService } from './email-verification.service.js';
import { EmailVerificationTokens } from './email-verification-tokens.js';
import { IdentityConfig } from './identity.config.js';
import { IDENTITY_PERMISSIONS } from './identity.permissions.js';
import { IDENTITY_TEMPLATES } from './identity.templates.js';
import { EffectsPruneJob } from './jobs/effects-prune.job.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { LoginThrottle, LoginThrottleSchema } from './schemas/login-throttle.schema.js';
import { User, UserSchema } from './schemas/user.schema.js';
import { UserActivity, UserActivitySchema } from './schemas/user-activity.schema.js';
import { UserSession, UserSessionSchema } from './schemas/user-session.schema.js';
import { SessionsService } from './sessions.service.js';
import { UsersController } from './users.controller.js';
import { UserDirectory } from './user-directory.js';
import { UsersService } from './users.service.js';
import { VerificationMail } from './verification-mail.js';

/** Accounts, sign-in, sessions, roles and the security activity log. */
@Module({
  imports: [
    MailModule,
    MongooseModule.forFeature([
      { name: User.name, schema: UserSchema },
      { name: UserSession.name, schema: UserSessionSchema },
      { name: UserActivity.name, schema: UserActivitySchema },
      { name: LoginThrottle.name, schema: LoginThrottleSchema },
    ]),
  ],
  controllers: [AuthController, EmailVerificationController, UsersController],
  providers: [
    configSectionProvider(IdentityConfig),
    AuthService,
    UsersService,
    SessionsService,
    ActivityService,
    LoginThrottleService,
    PasswordHasher,
    AccountStatusService,
    AccountDeletionService,
    EffectsPruneJob,
    UserDirectory,
    EmailVerificationTokens,
    EmailVerificationService,
    VerificationMail,
    // The guard in core asks identity whether an account still admits its tokens.
    { provide: ACCOUNT_STATE_SOURCE, useClass: IdentityAccountStateSource },
  ],
  // Other contexts read users through the directory only; UsersService serves identity's own routes.
  exports: [UserDirectory],
})
export class IdentityModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    private readonly config: IdentityConfig,
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    @InjectModel(User.name) private readonly userModel: Model<User>,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.policy.register(IDENTITY_PERMISSIONS);
    this.mail.templates.register(...IDENTITY_TEMPLATES);
    // The sweep retries what an account change owes (welcome, security notices, erasure) and could not deliver at once.
    this.relay.carry(this.userModel);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.users.ensureAdmin(systemContext('bootstrap-admin'), this.config.BOOTSTRAP_ADMIN_EMAIL, this.config.BOOTSTRAP_ADMIN_PASSWORD);
  }
}
