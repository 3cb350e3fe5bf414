import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EffectsRelay } from '../../core/events/index.js';
import { IdentityModule } from '../identity/index.js';
import { MailModule, MailService } from '../mail/index.js';
import { ConsultationsController } from './consultations.controller.js';
import { ConsultationsService } from './consultations.service.js';
import { ContactController } from './contact.controller.js';
import { ContactService } from './contact.service.js';
import { IdentityListeners } from './listeners/identity.listeners.js';
import { Consultation, ConsultationSchema } from './schemas/consultation.schema.js';
import { ContactMessage, ContactMessageSchema } from './schemas/contact-message.schema.js';
import { SupportTicket, SupportTicketSchema } from './schemas/support-ticket.schema.js';
import { SupportConfig } from './support.config.js';
import { SUPPORT_PERMISSIONS } from './support.permissions.js';
import { SUPPORT_TEMPLATES } from './support.templates.js';
import { SupportPeople } from './support-people.js';
import { TicketAccess } from './ticket-access.js';
import { TicketDeskController } from './ticket-desk.controller.js';
import { TicketRepliesService } from './ticket-replies.service.js';
import { TicketsController } from './tickets.controller.js';
import { TicketsRepository } from './tickets.repository.js';
import { TicketsService } from './tickets.service.js';

/** The support desk: tickets with SLAs, consultations, and the contact form with its triage. */
@Module({
  imports: [
    IdentityModule,
    MailModule,
    MongooseModule.forFeature([
      { name: SupportTicket.name, schema: SupportTicketSchema },
      { name: Consultation.name, schema: ConsultationSchema },
      { name: ContactMessage.name, schema: ContactMessageSchema },
    ]),
  ],
  controllers: [TicketsController, TicketDeskController, ConsultationsController, ContactController],
  providers: [
    configSectionProvider(SupportConfig),
    TicketsRepository,
    TicketAccess,
    SupportPeople,
    TicketsService,
    TicketRepliesService,
    ConsultationsService,
    ContactService,
    IdentityListeners,
  ],
  exports: [TicketsService, ConsultationsService],
})
export class SupportModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly tickets: TicketsRepository,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.policy.register(SUPPORT_PERMISSIONS);
    this.mail.templates.register(...SUPPORT_TEMPLATES);
    // The relay's sweep retries whatever effects a ticket change owes and could not deliver at once.
    this.relay.carry(this.tickets.model);
  }
}
