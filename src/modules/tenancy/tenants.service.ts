import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext, RequestContext } from '../../core/auth/request-context.js';
import { isStaff } from '../../core/auth/roles.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { anyOf, compact, findPage } from '../../core/database/find-page.js';
import { EffectsRelay } from '../../core/events/index.js';
import type { Page } from '../../core/http/pagination.js';
import type { CreateTenantDto, TenantQueryDto, UpdateTenantDto } from './dto/tenant-input.dto.js';
import type { MyTenantDto, TenantDto } from './dto/tenant.dto.js';
import { MembershipsRepository } from './memberships.repository.js';
import { slugFromName, withSuffix } from './slug.js';
import { TenancyAudit } from './tenancy-audit.js';
import { TenancyConfig } from './tenancy.config.js';
import { notMember, slugTaken, tooManyTenants } from './tenancy-problems.js';
import { toTenantDto } from './tenant.mapper.js';
import type { TenantRole } from './tenant-roles.js';
import { TenantsRepository } from './tenants.repository.js';
import type { Tenant } from './schemas/tenant.schema.js';
import { CLOSE_CASCADE_EFFECT } from './tenant-closure.js';

const SLUG_ATTEMPTS = 5;
const suffix = () => randomBytes(3).toString('hex').slice(0, 5);
const settingsSet = (settings: Record<string, unknown> | undefined) =>
  Object.fromEntries(
    Object.entries(settings ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [`settings.${key}`, value]),
  );

const roleIn = (ctx: RequestContext): TenantRole | undefined => ctx.tenant?.roles[0] as TenantRole | undefined;

/** Tenants: creating one (its creator is its first owner), reading, settings, listing and closing. */
@Injectable()
export class TenantsService {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly tenants: TenantsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly relay: EffectsRelay,
    private readonly config: TenancyConfig,
    private readonly audit: TenancyAudit,
  ) {}

  async create(ctx: ActorContext, input: CreateTenantDto): Promise<TenantDto> {
    this.policy.require(ctx, 'tenant.create');
    const ownerId = new Types.ObjectId(ctx.actor.id);
    if (!isStaff(ctx.actor) && (await this.memberships.ownedBy(ownerId)) >= this.config.TENANT_MAX_OWNED_PER_USER)
      throw tooManyTenants(this.config.TENANT_MAX_OWNED_PER_USER);
    const tenantId = new Types.ObjectId();
    // The owner's membership comes first: a crash before the tenant exists leaves a membership of
    // nothing (invisible, as its tenant is not open), never a tenant nobody owns.
    await this.memberships.addCreator(tenantId, ownerId);
    const base = input.slug ?? slugFromName(input.name, suffix);
    try {
      const tenant = await this.insertWithSlug(tenantId, ownerId, input, base, input.slug !== undefined);
      const added = this.relay.owe(
        'tenant.member-added',
        { tenantId: tenantId.toString(), memberUserId: ctx.actor.id, tenantRole: 'owner', via: 'creation' },
        `member-added:${tenantId.toString()}:${ctx.actor.id}:${tenant.createdAt.getTime()}`,
      );
      await this.tenants.owe(tenantId, added);
      await this.audit.record(ctx, 'tenant.created', 'tenant', tenantId, { after: { name: tenant.name, slug: tenant.slug } });
      return toTenantDto(tenant, 'owner');
    } catch (error) {
      await this.memberships.removeCreator(tenantId, ownerId);
      throw error;
    }
  }

  private async insertWithSlug(
    tenantId: Types.ObjectId,
    ownerId: Types.ObjectId,
    input: CreateTenantDto,
    base: string,
    exact: boolean,
  ): Promise<Tenant> {
    for (let attempt = 0; ; attempt++) {
      const slug = attempt === 0 ? base : withSuffix(base, suffix());
      try {
        return await this.tenants.insert({
          _id: tenantId,
          name: input.name.trim(),
          slug,
          planKey: 'free',
          active: true,
          settings: { ...input.settings },
          createdBy: ownerId,
          ownerCount: 1,
          memberCount: 1,
        });
      } catch (error) {
        if (!isDuplicateKeyOn(error, ['slug'])) throw error;
        // A slug the caller chose is theirs to change; one made from the name gets a suffix.
        if (exact || attempt + 1 >= SLUG_ATTEMPTS) throw slugTaken(slug);
      }
    }
  }

  async get(ctx: RequestContext, tenantId: string): Promise<TenantDto> {
    this.policy.requireOn(ctx, 'tenant.read', { tenantId }, 'tenant');
    const tenant = await this.tenants.findOpen(new Types.ObjectId(tenantId));
    if (!tenant) throw notMember('tenant');
    return toTenantDto(tenant, roleIn(ctx));
  }

  async update(ctx: RequestContext, tenantId: string, input: UpdateTenantDto): Promise<TenantDto> {
    this.policy.requireOn(ctx, 'tenant.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'tenant.update');
    const id = new Types.ObjectId(tenantId);
    const before = await this.tenants.findOpen(id);
    if (!before) throw notMember('tenant');
    const set = compact({ name: input.name?.trim(), slug: input.slug, ...settingsSet(input.settings as Record<string, unknown>) });
    let tenant: Tenant | null;
    try {
      tenant = Object.keys(set).length === 0 ? before : await this.tenants.update(id, set);
    } catch (error) {
      if (isDuplicateKeyOn(error, ['slug'])) throw slugTaken(input.slug ?? '');
      throw error;
    }
    if (!tenant) throw notMember('tenant');
    if (Object.keys(set).length > 0)
      await this.audit.record(ctx, 'tenant.updated', 'tenant', id, {
        before: { name: before.name, slug: before.slug, settings: before.settings },
        after: { name: tenant.name, slug: tenant.slug, settings: tenant.settings },
      });
    return toTenantDto(tenant, roleIn(ctx));
  }

  /** Staff: every tenant, with filters; closed ones on `active=false`. */
  async list(ctx: RequestContext, query: TenantQueryDto): Promise<Page<TenantDto>> {
    this.policy.require(ctx, 'tenant.list');
    const filter = compact({ active: query.active !== 'false', planKey: query.planKey, slug: query.slug?.toLowerCase() });
    return findPage(this.tenants.model, filter, query, (tenant) => toTenantDto(tenant));
  }

  /** The caller's tenants with their role, newest membership first. */
  async mine(ctx: ActorContext): Promise<MyTenantDto[]> {
    this.policy.require(ctx, 'tenant.list-mine');
    const memberships = await this.memberships.ofUser(new Types.ObjectId(ctx.actor.id));
    if (memberships.length === 0) return [];
    const tenants = await this.tenants.model
      .find({ _id: anyOf(memberships.map((membership) => membership.tenantId)), active: true }, { name: 1, slug: 1, planKey: 1 })
      .lean<Pick<Tenant, '_id' | 'name' | 'slug' | 'planKey'>[]>();
    const byId = new Map(tenants.map((tenant) => [tenant._id.toString(), tenant]));
    return memberships
      .sort((a, b) => b.joinedAt.getTime() - a.joinedAt.getTime())
      .flatMap((membership) => {
        const tenant = byId.get(membership.tenantId.toString());
        return tenant
          ? [
              {
                id: tenant._id.toString(),
                name: tenant.name,
                slug: tenant.slug ?? '',
                planKey: tenant.planKey,
                role: membership.role,
                joinedAt: membership.joinedAt.toISOString(),
              },
            ]
          : [];
      });
  }

  /** Closes the tenant: gone for everyone at once; its members, invites and teams follow through the owed cascade. */
  async close(ctx: RequestContext, tenantId: string): Promise<void> {
    this.policy.requireOn(ctx, 'tenant.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'tenant.close');
    await this.closeTenant(ctx, new Types.ObjectId(tenantId), ctx.actor?.id);
  }

  /** Also the succession's last resort, acting as the system. */
  async closeTenant(ctx: RequestContext, id: Types.ObjectId, by: string | undefined): Promise<void> {
    const closedAt = new Date();
    const key = `tenant-closed:${id.toString()}`;
    const closed = await this.tenants.close(
      id,
      by,
      (open) => [
        { key: `${key}>cascade`, name: CLOSE_CASCADE_EFFECT, payload: { tenantId: id.toString() } },
        ...this.relay.owe(
          'tenant.closed',
          {
            tenantId: id.toString(),
            tenantSlug: open.slug ?? '',
            ...(by ? { closedById: by } : {}),
            closedAt: closedAt.toISOString(),
          },
          key,
        ),
      ],
      closedAt,
    );
    if (!closed) throw notMember('tenant');
    await this.audit.record(ctx, 'tenant.closed', 'tenant', id, { before: { slug: closed.closedSlug, active: true } });
    await this.relay.deliver(this.tenants.model, closed);
  }
}
