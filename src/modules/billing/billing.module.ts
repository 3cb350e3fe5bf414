import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { systemContext } from '../../core/auth/request-context.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EffectsRelay } from '../../core/events/index.js';
import { EntitlementsModule } from '../entitlements/index.js';
import { IdentityModule } from '../identity/index.js';
import { MailModule, MailService } from '../mail/index.js';
import { BillingReportsService } from './billing-reports.service.js';
import { BillingController } from './billing.controller.js';
import { BillingConfig } from './billing.config.js';
import { BILLING_PERMISSIONS } from './billing.permissions.js';
import { BILLING_TEMPLATES } from './billing.templates.js';
import { InvoicesController } from './invoices.controller.js';
import { InvoicesService } from './invoices.service.js';
import { ISSUE_INVOICE } from './payment-effects.js';
import { PaymentMethodsService } from './payment-methods.service.js';
import { PaymentsController } from './payments.controller.js';
import { PaymentsService } from './payments.service.js';
import { paymentProviderAdapter } from './providers/payment-adapter.js';
import { RefundRequestsController } from './refund-requests.controller.js';
import { RefundRequestsService } from './refund-requests.service.js';
import { Invoice, InvoiceSchema } from './schemas/invoice.schema.js';
import { PaymentMethod, PaymentMethodSchema } from './schemas/payment-method.schema.js';
import { RefundRequest, RefundRequestSchema } from './schemas/refund-request.schema.js';
import { Subscription, SubscriptionSchema } from './schemas/subscription.schema.js';
import { Transaction, TransactionSchema } from './schemas/transaction.schema.js';
import { WebhookEvent, WebhookEventSchema } from './schemas/webhook-event.schema.js';
import { SubscriptionsController } from './subscriptions.controller.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';
import { SubscriptionsService } from './subscriptions.service.js';
import { TenantSubscriptionsController } from './tenant-subscriptions.controller.js';
import { TransactionsRepository } from './transactions.repository.js';
import { ApplyProviderEvent } from './use-cases/apply-provider-event.js';
import { ChargeSubscription } from './use-cases/charge-subscription.js';
import { CreatePaymentIntent } from './use-cases/create-payment-intent.js';
import { RefundPayment } from './use-cases/refund-payment.js';
import { WebhookClaims } from './webhook-claims.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/** Payments, refunds, invoices, payment methods, subscriptions and provider webhooks (seeds 000, 002, 003, 004). */
@Module({
  imports: [
    IdentityModule,
    EntitlementsModule,
    MailModule,
    MongooseModule.forFeature([
      { name: Transaction.name, schema: TransactionSchema },
      { name: Invoice.name, schema: InvoiceSchema },
      { name: PaymentMethod.name, schema: PaymentMethodSchema },
      { name: RefundRequest.name, schema: RefundRequestSchema },
      { name: Subscription.name, schema: SubscriptionSchema },
      { name: WebhookEvent.name, schema: WebhookEventSchema },
    ]),
  ],
  controllers: [
    BillingController,
    PaymentsController,
    InvoicesController,
    RefundRequestsController,
    SubscriptionsController,
    TenantSubscriptionsController,
    WebhooksController,
  ],
  providers: [
    configSectionProvider(BillingConfig),
    paymentProviderAdapter,
    TransactionsRepository,
    SubscriptionsRepository,
    CreatePaymentIntent,
    RefundPayment,
    ChargeSubscription,
    ApplyProviderEvent,
    PaymentsService,
    InvoicesService,
    PaymentMethodsService,
    RefundRequestsService,
    SubscriptionsService,
    BillingReportsService,
    WebhookClaims,
    WebhooksService,
  ],
  exports: [PaymentsService, SubscriptionsService],
})
export class BillingModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly transactions: TransactionsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly invoices: InvoicesService,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.policy.register(BILLING_PERMISSIONS);
    this.mail.templates.register(...BILLING_TEMPLATES);
    // The invoice a succeeded payment owes; idempotent by payment, so the relay may run it again.
    this.relay.handle(ISSUE_INVOICE, (payload, key) => this.invoices.issueForPayment(systemContext(key), String(payload.transactionId)));
    // The relay's sweep retries whatever a payment or subscription change owes and could not deliver at once.
    this.relay.carry(this.transactions.model);
    this.relay.carry(this.subscriptions.model);
  }
}
