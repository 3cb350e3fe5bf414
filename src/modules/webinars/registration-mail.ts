import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { systemContext } from '../../core/auth/request-context.js';
import { AppConfig } from '../../core/config/app-config.js';
import { EffectsRelay, type EffectRequest } from '../../core/events/index.js';
import { MailService } from '../mail/index.js';
import { WebinarRegistration } from './schemas/webinar-registration.schema.js';
import { Webinar } from './schemas/webinar.schema.js';
import { formatStart } from './webinar-notice.js';

const MANAGE_LINK_EFFECT = 'webinars.manage-link-mail';

/** The effect a new registration owes: the email with its manage link, the token riding in the effect until then. */
export const manageLinkMail = (registrationId: Types.ObjectId, token: string): EffectRequest => ({
  key: `webinar-registered:${registrationId.toString()}`,
  name: MANAGE_LINK_EFFECT,
  payload: { registrationId: registrationId.toString(), token },
});

/**
 * Sends the registration's confirmation (or waitlist) email with the manage link, then removes the
 * token from the effect, so it lives in the email alone and the registration keeps only its hash.
 * Idempotent: the mail's key is the effect key, and a run that finds no token has already sent it.
 */
@Injectable()
export class RegistrationMail implements OnModuleInit {
  constructor(
    @InjectModel(WebinarRegistration.name) private readonly registrations: Model<WebinarRegistration>,
    @InjectModel(Webinar.name) private readonly webinars: Model<Webinar>,
    private readonly relay: EffectsRelay,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.relay.handle(MANAGE_LINK_EFFECT, (payload, key) => this.send(payload, key));
  }

  private async send(payload: Record<string, unknown>, key: string): Promise<void> {
    const token = typeof payload.token === 'string' ? payload.token : undefined;
    if (!token) return;
    const id = new Types.ObjectId(String(payload.registrationId));
    const registration = await this.registrations.findById(id).lean<WebinarRegistration>();
    const webinar = registration && (await this.webinars.findById(registration.webinarId).lean<Webinar>());
    if (registration && webinar) {
      const url = `${this.config.get('PUBLIC_BASE_URL').replace(/\/+$/, '')}/webinars/registrations/${id.toString()}?token=${token}`;
      await this.mail.enqueue(systemContext(key), {
        to: registration.email,
        template: 'webinar-registered',
        variables: {
          name: registration.name,
          webinarTitle: webinar.title,
          when: formatStart(webinar.startsAt.toISOString(), webinar.timezone),
          waitlisted: registration.status === 'waitlisted',
          url,
        },
        idempotencyKey: key,
      });
    }
    await this.registrations.updateOne({ _id: id }, { $unset: { 'effects.$[e].payload.token': 1 } }, { arrayFilters: [{ 'e.key': key }] });
  }
}
