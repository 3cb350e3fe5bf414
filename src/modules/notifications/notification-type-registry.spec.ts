import { describe, expect, it } from 'vitest';
import { NotificationTypes } from './notification-type-registry.js';

describe('notification types', () => {
  it('starts with notifications’ own types and takes each context’s table', () => {
    const types = new NotificationTypes();
    expect(types.names().sort()).toEqual(['announcement', 'community', 'marketing', 'system']);
    types.register({ payment: { critical: true }, 'ticket-reply': {} });
    expect(types.has('payment')).toBe(true);
    expect(types.criticalTypes()).toEqual(['payment']);
  });

  it('resolves switches from the defaults and the user’s choices, and keeps a critical type’s in-app and email on', () => {
    const types = new NotificationTypes();
    types.register({ security: { critical: true } });
    expect(types.switches('community')).toEqual({ in_app: true, email: true, push: true, sms: false });
    expect(types.switches('marketing')).toEqual({ in_app: true, email: false, push: true, sms: false });
    expect(types.switches('community', { email: false, sms: true })).toEqual({ in_app: true, email: false, push: true, sms: true });
    expect(types.switches('security', { in_app: false, email: false, push: false })).toEqual({
      in_app: true,
      email: true,
      push: false,
      sms: false,
    });
  });

  it('refuses a type registered twice, a name that is not kebab-case, and any question about an unknown type', () => {
    const types = new NotificationTypes();
    expect(() => types.register({ system: {} })).toThrow(/registered twice/);
    expect(() => types.register({ 'Not Kebab': {} })).toThrow(/kebab-case/);
    expect(() => types.switches('session-reminder')).toThrow(/not registered by any module/);
  });

  it('refuses one type declared critical by one application and not by another in the same process', () => {
    new NotificationTypes().register({ billing: { critical: true } });
    expect(() => new NotificationTypes().register({ billing: {} })).toThrow(/critical and not critical/);
  });
});
