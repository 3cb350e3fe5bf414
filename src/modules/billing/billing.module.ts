import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import Stripe from 'stripe';
import { AppConfig } from '../../core/config/app-config.js';
import { IdentityModule } from '../identity/identity.module.js';
import { BillingReportsService } from './billing-reports.service.js';
import { BillingController } from './billing.controller.js';
import { InvoicesController } from './invoices.controller.js';
import { InvoicesService } from './invoices.service.js';
import { PaymentMethodsService } from './payment-methods.service.js';
import { PaymentsController } from './payments.controller.js';
import { PaymentsService } from './payments.service.js';
import { MockPaymentProvider } from './providers/mock.provider.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from './providers/payment-provider.js';
import { StripePaymentProvider } from './providers/stripe.provider.js';
import { RefundRequestsController } from './refund-requests.controller.js';
import { RefundRequestsService } from './refund-requests.service.js';
import { RefundsService } from './refunds.service.js';
import { Invoice, InvoiceSchema } from './schemas/invoice.schema.js';
import { InvoiceCounter, InvoiceCounterSchema } from './schemas/invoice-counter.schema.js';
import { PaymentMethod, PaymentMethodSchema } from './schemas/payment-method.schema.js';
import { RefundRequest, RefundRequestSchema } from './schemas/refund-request.schema.js';
import { Subscription, SubscriptionSchema } from './schemas/subscription.schema.js';
import { Transaction, TransactionSchema } from './schemas/transaction.schema.js';
import { WebhookEvent, WebhookEventSchema } from './schemas/webhook-event.schema.js';
import { SubscriptionsController } from './subscriptions.controller.js';
import { SubscriptionsService } from './subscriptions.service.js';
import { TransactionsService } from './transactions.service.js';
import { WebhookClaims } from './webhook-claims.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/** Stripe when STRIPE_SECRET_KEY is set (STRIPE_API_BASE points it at stripe-mock in tests); the mock provider otherwise. */
function providerFor(config: AppConfig): PaymentProvider {
  const key = config.get('STRIPE_SECRET_KEY');
  if (!key) return new MockPaymentProvider();
  const base = config.get('STRIPE_API_BASE');
  const url = base ? new URL(base) : undefined;
  return new StripePaymentProvider(
    new Stripe(key, {
      maxNetworkRetries: 2,
      timeout: 10_000,
      ...(url
        ? {
            host: url.hostname,
            port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
            protocol: url.protocol.replace(':', '') as 'http' | 'https',
          }
        : {}),
    }),
  );
}

/** Payments, refunds, invoices, payment methods, subscriptions and provider webhooks (seeds 000, 002, 003, 004). */
@Module({
  imports: [
    IdentityModule,
    MongooseModule.forFeature([
      { name: Transaction.name, schema: TransactionSchema },
      { name: Invoice.name, schema: InvoiceSchema },
      { name: InvoiceCounter.name, schema: InvoiceCounterSchema },
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
    WebhooksController,
  ],
  providers: [
    { provide: PAYMENT_PROVIDER, inject: [AppConfig], useFactory: providerFor },
    TransactionsService,
    RefundsService,
    InvoicesService,
    PaymentMethodsService,
    PaymentsService,
    RefundRequestsService,
    SubscriptionsService,
    BillingReportsService,
    WebhookClaims,
    WebhooksService,
  ],
})
export class BillingModule {}
