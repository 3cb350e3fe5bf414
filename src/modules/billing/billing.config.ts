import { IntSetting } from '../../core/config/config-section.js';
import { AMOUNT_CEILING } from './dto/transaction.dto.js';

/**
 * Billing's slice of the environment: the largest payment and the tax included in prices. The Stripe
 * variables stay in the core environment, whose production check refuses published or short secrets.
 */
export class BillingConfig {
  /** Largest payment, in minor units; requests are bounded by AMOUNT_CEILING whatever this says. */
  @IntSetting({ min: 1, max: AMOUNT_CEILING }) BILLING_MAX_AMOUNT = 100_000_000;

  /** Tax included in prices, in basis points, split out on invoices. */
  @IntSetting({ min: 0, max: 10_000 }) BILLING_TAX_RATE_BPS = 0;
}
