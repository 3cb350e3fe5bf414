import { IntSetting } from '../../core/config/config-section.js';

/** The tenancy context's slice of the environment. */
export class TenancyConfig {
  /** Hours an invite's link stays valid; an older one answers 410 Gone. */
  @IntSetting({ min: 1, max: 8760 }) INVITE_TTL_HOURS = 72;

  /** Pending invites one tenant may have at once, so no tenant can flood mailboxes. */
  @IntSetting({ min: 1, max: 100_000 }) TENANT_MAX_PENDING_INVITES = 200;

  /** Tenants one user may own (create); staff are not bound by it. */
  @IntSetting({ min: 1, max: 10_000 }) TENANT_MAX_OWNED_PER_USER = 20;
}
