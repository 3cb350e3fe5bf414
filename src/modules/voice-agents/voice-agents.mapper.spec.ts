import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { PhoneNumber } from './schemas/phone-number.schema.js';
import { toPhoneNumberDto, toResolvedDto } from './voice-agents.mapper.js';
import { managerTrigger } from './voice-agents.triggers.js';
import type { RequestContext } from '../../core/auth/request-context.js';

const number = (overrides: Partial<PhoneNumber> = {}): PhoneNumber =>
  ({
    _id: new Types.ObjectId(),
    tenantId: new Types.ObjectId(),
    e164: '+16282345678',
    provider: 'vapi',
    status: 'active',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-02T00:00:00Z'),
    ...overrides,
  }) as PhoneNumber;

describe('voice agents mapper', () => {
  it('answers a number with voice-only capabilities when none were stored, and ids as strings', () => {
    const stored = number();
    expect(toPhoneNumberDto(stored)).toMatchObject({
      id: stored._id.toString(),
      tenantId: stored.tenantId.toString(),
      capabilities: { voice: true, sms: false },
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(toPhoneNumberDto(stored).defaultAgentId).toBeUndefined();
  });

  it('resolves a number to its default agent', () => {
    const agentId = new Types.ObjectId();
    const stored = number({ defaultAgentId: agentId });
    expect(toResolvedDto(stored)).toEqual({
      tenantId: stored.tenantId.toString(),
      phoneNumberId: stored._id.toString(),
      e164: stored.e164,
      status: 'active',
      agentId: agentId.toString(),
    });
  });
});

describe('manager trigger', () => {
  const ctx = (overrides: Partial<RequestContext>) => overrides as RequestContext;
  it('acts for the tenant’s owners and admins as its owner, for anyone else (staff) as staff, for jobs as the system', () => {
    expect(managerTrigger(ctx({ tenant: { roles: ['owner'] } } as never))).toBe('owner');
    expect(managerTrigger(ctx({ tenant: { roles: ['admin'] } } as never))).toBe('owner');
    expect(managerTrigger(ctx({ tenant: { roles: [] } } as never))).toBe('staff');
    expect(managerTrigger(ctx({}))).toBe('staff');
    expect(managerTrigger(ctx({ system: true } as never))).toBe('system');
  });
});
