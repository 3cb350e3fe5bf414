import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ACCOUNT_STATE_SOURCE } from '../../core/auth/account-state.js';
import { AppConfig } from '../../core/config/app-config.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { IdentityAccountStateSource } from './account-state.source.js';
import { AccountStatusService } from './account-status.service.js';
import { ActivityService } from './activity.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { AccountErasureJob } from './jobs/account-erasure.job.js';
import { PasswordHasher } from './password-hasher.js';
import { LoginThrottle, LoginThrottleSchema } from './schemas/login-throttle.schema.js';
import { User, UserSchema } from './schemas/user.schema.js';
import { UserActivity, UserActivitySchema } from './schemas/user-activity.schema.js';
import { UserSession, UserSessionSchema } from './schemas/user-session.schema.js';
import { SessionsService } from './sessions.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/** Accounts, sign-in, sessions, roles and the security activity log. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: User.name, schema: UserSchema },
      { name: UserSession.name, schema: UserSessionSchema },
      { name: UserActivity.name, schema: UserActivitySchema },
      { name: LoginThrottle.name, schema: LoginThrottleSchema },
    ]),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    UsersService,
    SessionsService,
    ActivityService,
    LoginThrottleService,
    PasswordHasher,
    AccountStatusService,
    AccountDeletionService,
    AccountErasureJob,
    // The guard in core asks identity whether an account still admits its tokens.
    { provide: ACCOUNT_STATE_SOURCE, useClass: IdentityAccountStateSource },
  ],
  exports: [UsersService],
})
export class IdentityModule implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.users.ensureAdmin(this.config.get('BOOTSTRAP_ADMIN_EMAIL'), this.config.get('BOOTSTRAP_ADMIN_PASSWORD'));
  }
}
