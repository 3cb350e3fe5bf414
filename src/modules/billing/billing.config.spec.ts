import { describe, expect, it } from 'vitest';
import { readConfigSection } from '../../core/config/config-section.js';
import { BillingConfig } from './billing.config.js';

describe('billing configuration', () => {
  it('keeps its defaults: a payment of at most 1,000,000.00 and no tax', () => {
    expect(readConfigSection(BillingConfig, {})).toEqual({ BILLING_MAX_AMOUNT: 100_000_000, BILLING_TAX_RATE_BPS: 0 });
    expect(readConfigSection(BillingConfig, { BILLING_TAX_RATE_BPS: '1900', STRIPE_API_BASE: 'x' })).toEqual({
      BILLING_MAX_AMOUNT: 100_000_000,
      BILLING_TAX_RATE_BPS: 1900,
    });
  });

  it('stops the start with one line naming a bad variable', () => {
    expect(() => readConfigSection(BillingConfig, { BILLING_TAX_RATE_BPS: '10001' })).toThrow(
      'Invalid environment: BILLING_TAX_RATE_BPS must not be greater than 10000',
    );
    expect(() => readConfigSection(BillingConfig, { BILLING_MAX_AMOUNT: '0' })).toThrow(/BILLING_MAX_AMOUNT must not be less than 1/);
    expect(() => readConfigSection(BillingConfig, { BILLING_MAX_AMOUNT: 'lots' })).toThrow(/BILLING_MAX_AMOUNT must be an integer/);
  });
});
