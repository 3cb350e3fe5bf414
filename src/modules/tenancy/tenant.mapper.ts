import { iso } from '../../core/http/serialize.js';
import type { TenantDto } from './dto/tenant.dto.js';
import type { Tenant } from './schemas/tenant.schema.js';
import type { TenantRole } from './tenant-roles.js';

export function toTenantDto(tenant: Tenant, role?: TenantRole): TenantDto {
  const settings = tenant.settings ?? {};
  return {
    id: tenant._id.toString(),
    name: tenant.name,
    slug: tenant.slug ?? tenant.closedSlug ?? '',
    planKey: tenant.planKey,
    active: tenant.active,
    settings: { timezone: settings.timezone, locale: settings.locale, brandColor: settings.brandColor, logoUrl: settings.logoUrl },
    memberCount: tenant.memberCount,
    createdBy: tenant.createdBy.toString(),
    ...(role ? { role } : {}),
    createdAt: iso(tenant.createdAt)!,
    updatedAt: iso(tenant.updatedAt)!,
  };
}
