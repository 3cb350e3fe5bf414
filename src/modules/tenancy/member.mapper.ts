import { iso } from '../../core/http/serialize.js';
import type { UserContact } from '../identity/index.js';
import type { MemberDto } from './dto/member.dto.js';
import type { Membership } from './schemas/membership.schema.js';

/** A member as the tenant sees them; addresses only for those who manage people. */
export function toMemberDto(membership: Membership, contact: UserContact | undefined, withEmail: boolean): MemberDto {
  return {
    userId: membership.userId.toString(),
    tenantId: membership.tenantId.toString(),
    role: membership.role,
    ...(contact ? { name: contact.publicName ?? contact.name } : {}),
    ...(contact && withEmail ? { email: contact.email } : {}),
    joinedAt: iso(membership.joinedAt)!,
    ...(membership.invitedBy ? { invitedBy: membership.invitedBy.toString() } : {}),
  };
}
