import { describe, expect, it } from 'vitest';
import { resolveEntitlement, type FeatureFacts } from './resolution.js';

const NOW = new Date('2026-03-15T12:00:00.000Z');
const auditLog: FeatureFacts = { key: 'audit-log', type: 'boolean', defaultValue: false };
const generations: FeatureFacts = { key: 'ai.generations', type: 'limit', defaultValue: 0, period: 'month' };
const proValues = new Map<string, boolean | number>([
  ['audit-log', true],
  ['ai.generations', 2000],
]);

describe('resolveEntitlement', () => {
  it('takes an unexpired override over the plan and the default', () => {
    const expiresAt = new Date(NOW.getTime() + 1_000);
    const result = resolveEntitlement(auditLog, 'pro', proValues, { value: false, expiresAt }, NOW);
    expect(result).toMatchObject({ value: false, enabled: false, source: 'override', planKey: 'pro', expiresAt });
  });

  it('takes an override without an expiry for good', () => {
    expect(resolveEntitlement(generations, 'free', new Map(), { value: 50 }, NOW)).toMatchObject({
      value: 50,
      enabled: true,
      source: 'override',
      period: 'month',
    });
    expect(resolveEntitlement(generations, 'free', new Map(), { value: 50, expiresAt: null }, NOW).source).toBe('override');
  });

  it('ignores an override from the second it expires on, falling back to the plan', () => {
    const atExpiry = resolveEntitlement(auditLog, 'pro', proValues, { value: false, expiresAt: NOW }, NOW);
    expect(atExpiry).toMatchObject({ value: true, source: 'plan', planKey: 'pro' });
    expect(atExpiry.expiresAt).toBeUndefined();
    const justBefore = resolveEntitlement(auditLog, 'pro', proValues, { value: false, expiresAt: new Date(NOW.getTime() + 1) }, NOW);
    expect(justBefore.source).toBe('override');
  });

  it('takes the plan value when there is no override, even a value that turns the feature off', () => {
    expect(resolveEntitlement(generations, 'pro', proValues, undefined, NOW)).toMatchObject({ value: 2000, source: 'plan', enabled: true });
    const starter = new Map([['audit-log', false]]);
    expect(resolveEntitlement({ ...auditLog, defaultValue: true }, 'starter', starter, undefined, NOW)).toMatchObject({
      value: false,
      source: 'plan',
      enabled: false,
    });
  });

  it('falls back to the feature default when neither an override nor the plan sets it', () => {
    expect(resolveEntitlement(auditLog, 'free', new Map(), undefined, NOW)).toMatchObject({ value: false, source: 'default' });
    expect(resolveEntitlement(auditLog, 'unknown-plan', undefined, undefined, NOW)).toMatchObject({ source: 'default' });
    expect(resolveEntitlement({ ...generations, defaultValue: 5 }, 'free', undefined, undefined, NOW)).toMatchObject({
      value: 5,
      enabled: true,
      source: 'default',
    });
  });

  it('counts an add-on as granted when bought or when its quantity is above zero', () => {
    const addon: FeatureFacts = { key: 'priority-support', type: 'addon', defaultValue: false };
    expect(resolveEntitlement(addon, 'pro', new Map([['priority-support', 2]]), undefined, NOW).enabled).toBe(true);
    expect(resolveEntitlement(addon, 'pro', new Map([['priority-support', 0]]), undefined, NOW).enabled).toBe(false);
    expect(resolveEntitlement(addon, 'pro', undefined, { value: true }, NOW).enabled).toBe(true);
  });
});
