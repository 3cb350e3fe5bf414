import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EffectsRelay } from '../../core/events/index.js';
import { IdentityModule } from '../identity/index.js';
import { MailModule, MailService } from '../mail/index.js';
import { AttendanceService } from './attendance.service.js';
import { WebinarRemindersJob } from './jobs/webinar-reminders.job.js';
import { IdentityListeners } from './listeners/identity.listeners.js';
import { RegistrationAccess } from './registration-access.js';
import { RegistrationMail } from './registration-mail.js';
import { RegistrationsController } from './registrations.controller.js';
import { RegistrationsService, RELEASE_SEAT_EFFECT } from './registrations.service.js';
import { WebinarRegistration, WebinarRegistrationSchema } from './schemas/webinar-registration.schema.js';
import { Webinar, WebinarSchema } from './schemas/webinar.schema.js';
import { WebinarNotices } from './webinar-notices.js';
import { WebinarReportsService } from './webinar-reports.service.js';
import { WebinarSeats } from './webinar-seats.js';
import { WebinarsConfig } from './webinars.config.js';
import { WebinarsController } from './webinars.controller.js';
import { WEBINARS_PERMISSIONS } from './webinars.permissions.js';
import { NOTIFY_CANCELED_EFFECT, WebinarsService } from './webinars.service.js';
import { WEBINARS_TEMPLATES } from './webinars.templates.js';

/** Webinars: sessions with capacity, registrations with a waitlist, attendance and feedback. */
@Module({
  imports: [
    IdentityModule,
    MailModule,
    MongooseModule.forFeature([
      { name: Webinar.name, schema: WebinarSchema },
      { name: WebinarRegistration.name, schema: WebinarRegistrationSchema },
    ]),
  ],
  // Registrations first: its static paths (register, registrations/…) sit beside the webinar's `:id` routes.
  controllers: [RegistrationsController, WebinarsController],
  providers: [
    configSectionProvider(WebinarsConfig),
    RegistrationAccess,
    RegistrationMail,
    WebinarSeats,
    WebinarNotices,
    RegistrationsService,
    AttendanceService,
    WebinarsService,
    WebinarReportsService,
    WebinarRemindersJob,
    IdentityListeners,
  ],
  exports: [RegistrationsService, WebinarsService],
})
export class WebinarsModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly mail: MailService,
    private readonly seats: WebinarSeats,
    private readonly notices: WebinarNotices,
    @InjectModel(Webinar.name) private readonly webinars: Model<Webinar>,
    @InjectModel(WebinarRegistration.name) private readonly registrations: Model<WebinarRegistration>,
  ) {}

  onModuleInit(): void {
    this.policy.register(WEBINARS_PERMISSIONS);
    this.mail.templates.register(...WEBINARS_TEMPLATES);
    // Effects the module owes itself: a canceled seat goes back (and to the waitlist), a canceled webinar tells its registrants.
    this.relay.handle(RELEASE_SEAT_EFFECT, async (payload) => {
      await this.seats.release(new Types.ObjectId(String(payload.registrationId)));
    });
    this.relay.handle(NOTIFY_CANCELED_EFFECT, async (payload) => {
      await this.notices.notifyCanceled(new Types.ObjectId(String(payload.webinarId)));
    });
    // The relay's sweep retries whatever a webinar or registration change owes and could not deliver at once.
    this.relay.carry(this.webinars);
    this.relay.carry(this.registrations);
  }
}
