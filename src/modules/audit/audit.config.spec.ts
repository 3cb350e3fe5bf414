import { describe, expect, it } from 'vitest';
import { readConfigSection } from '../../core/config/config-section.js';
import { AuditConfig } from './audit.config.js';

describe('the audit section of the environment', () => {
  it('keeps a year of entries by default and purges nightly', () => {
    expect(readConfigSection(AuditConfig, {})).toEqual({ AUDIT_RETENTION_DAYS: 365, AUDIT_PURGE_CRON: '30 3 * * *' });
    expect(readConfigSection(AuditConfig, { AUDIT_RETENTION_DAYS: '2555' }).AUDIT_RETENTION_DAYS).toBe(2555);
  });

  it('stops the start with one line naming a bad variable', () => {
    expect(() => readConfigSection(AuditConfig, { AUDIT_RETENTION_DAYS: '0' })).toThrow(
      'Invalid environment: AUDIT_RETENTION_DAYS must not be less than 1',
    );
    expect(() => readConfigSection(AuditConfig, { AUDIT_RETENTION_DAYS: 'forever' })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(() => readConfigSection(AuditConfig, { AUDIT_RETENTION_DAYS: '4000' })).toThrow(
      /AUDIT_RETENTION_DAYS must not be greater than 3650/,
    );
    expect(() => readConfigSection(AuditConfig, { AUDIT_PURGE_CRON: 'nightly' })).toThrow(/AUDIT_PURGE_CRON must be a cron expression/);
  });
});
