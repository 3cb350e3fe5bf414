import { describe, expect, it } from 'vitest';
import { readConfigSection } from '../../core/config/config-section.js';
import { MarketingConfig } from './marketing.config.js';

describe('marketing configuration section', () => {
  it('gives a confirmation link a week by default, and refuses a lifetime outside 1 hour to 30 days', () => {
    expect(readConfigSection(MarketingConfig, {})).toEqual({ EMAIL_CAPTURE_CONFIRM_TTL_HOURS: 168 });
    expect(readConfigSection(MarketingConfig, { EMAIL_CAPTURE_CONFIRM_TTL_HOURS: '24' })).toEqual({ EMAIL_CAPTURE_CONFIRM_TTL_HOURS: 24 });
    for (const value of ['0', '721', 'a week'])
      expect(() => readConfigSection(MarketingConfig, { EMAIL_CAPTURE_CONFIRM_TTL_HOURS: value })).toThrow(
        /^Invalid environment: EMAIL_CAPTURE_CONFIRM_TTL_HOURS /,
      );
  });
});
