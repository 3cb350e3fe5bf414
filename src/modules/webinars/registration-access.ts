import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { timingSafeEqual } from 'node:crypto';
import { PermissionPolicy, type Rule } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { hashManageToken } from './manage-tokens.js';
import type { RegistrantCredentials } from './registrant-credentials.js';
import { WebinarRegistration } from './schemas/webinar-registration.schema.js';
import { WEBINARS_PERMISSIONS, type WebinarsPermission } from './webinars.permissions.js';

export interface LoadedRegistration {
  /** The request's context. */
  caller: RequestContext;
  registration: WebinarRegistration;
  /** The caller is the registrant: the address's account, or the holder of its manage token. */
  registrant: boolean;
}

const ownerQualifies = (permission: WebinarsPermission) => (WEBINARS_PERMISSIONS[permission] as readonly Rule[]).includes('owner');

/**
 * Who is asking about a registration. Registrant routes are public, because a registrant without an
 * account holds only the mailed manage token; a presented access token is checked by the guard (`identify`).
 */
@Injectable()
export class RegistrationAccess {
  constructor(
    @InjectModel(WebinarRegistration.name) private readonly registrations: Model<WebinarRegistration>,
    private readonly policy: PermissionPolicy,
  ) {}

  /** Whether the token is the one mailed for this registration (compared as hashes, in constant time). */
  holdsToken(registration: Pick<WebinarRegistration, 'manageTokenHash'>, token: string | undefined): boolean {
    if (!token) return false;
    const presented = Buffer.from(hashManageToken(token));
    const stored = Buffer.from(registration.manageTokenHash);
    return presented.length === stored.length && timingSafeEqual(presented, stored);
  }

  /** The registration if the caller may `permission` it; otherwise it does not exist for them (404). */
  async load(
    ctx: RequestContext,
    id: string,
    permission: WebinarsPermission,
    credentials: RegistrantCredentials,
  ): Promise<LoadedRegistration> {
    const caller = ctx;
    const registration = await this.registrations.findById(new Types.ObjectId(id)).lean<WebinarRegistration>();
    if (!registration) throw new NotFoundException('No such registration.');
    const registrant =
      this.holdsToken(registration, credentials.manageToken) ||
      (caller.actor !== undefined && registration.userId?.toString() === caller.actor.id);
    if (!(registrant && ownerQualifies(permission)))
      this.policy.requireOn(caller, permission, { ownerId: registration.userId }, 'registration');
    return { caller, registration, registrant };
  }

  /** For a caller who may see the registration but not do this to it (staff joining someone's seat): 403. */
  requireAct(loaded: LoadedRegistration, permission: WebinarsPermission, why: string): void {
    const allowed =
      (loaded.registrant && ownerQualifies(permission)) ||
      this.policy.can(loaded.caller, permission, { ownerId: loaded.registration.userId });
    if (!allowed) throw new ForbiddenException(why);
  }
}
