import type { LeadDto } from './dto/lead.dto.js';
import type { CallableLead } from './lead-directory.js';
import type { Lead } from './schemas/lead.schema.js';

export function toLeadDto(lead: Lead): LeadDto {
  return {
    id: lead._id.toString(),
    tenantId: lead.tenantId.toString(),
    name: lead.name,
    phone: lead.phone,
    phoneCountry: lead.phoneCountry,
    email: lead.email,
    source: lead.source,
    status: lead.status,
    tags: lead.tags ?? [],
    timezone: lead.timezone,
    notes: lead.notes,
    externalId: lead.externalId,
    lastContactedAt: lead.lastContactedAt?.toISOString(),
    lastCallId: lead.lastCallId?.toString(),
    lastCallStatus: lead.lastCallStatus,
    callCount: lead.callCount ?? 0,
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
  };
}

export const toCallableLead = (lead: Pick<Lead, '_id' | 'tenantId' | 'name' | 'phone' | 'timezone' | 'status'>): CallableLead => ({
  id: lead._id.toString(),
  tenantId: lead.tenantId.toString(),
  name: lead.name,
  phone: lead.phone,
  timezone: lead.timezone,
  status: lead.status,
});

/** The fields LeadDirectory reads. */
export const CALLABLE_FIELDS = { _id: 1, tenantId: 1, name: 1, phone: 1, timezone: 1, status: 1 } as const;
