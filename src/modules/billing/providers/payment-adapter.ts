import Stripe from 'stripe';
import { adapterProvider } from '../../../core/adapters/adapter-provider.js';
import { AppConfig } from '../../../core/config/app-config.js';
import { MockPaymentProvider } from './mock.provider.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from './payment-provider.js';
import { StripePaymentProvider } from './stripe.provider.js';

/** The official client; STRIPE_API_BASE points it at stripe-mock in tests. */
function stripeClient(key: string, base: string | undefined): Stripe {
  const url = base ? new URL(base) : undefined;
  return new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(url
      ? {
          host: url.hostname,
          port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
          protocol: url.protocol.replace(':', '') as 'http' | 'https',
        }
      : {}),
  });
}

/** Stripe when STRIPE_SECRET_KEY is set; the embedded adapter otherwise. Both check webhooks with STRIPE_WEBHOOK_SECRET. */
export const paymentProviderAdapter = adapterProvider<PaymentProvider, [AppConfig]>({
  port: PAYMENT_PROVIDER,
  name: 'payments',
  inject: [AppConfig],
  vendor: (config) => {
    const key = config.get('STRIPE_SECRET_KEY');
    return key
      ? new StripePaymentProvider(stripeClient(key, config.get('STRIPE_API_BASE')), config.get('STRIPE_WEBHOOK_SECRET'))
      : undefined;
  },
  embedded: (config) => new MockPaymentProvider(config.get('STRIPE_WEBHOOK_SECRET')),
});
