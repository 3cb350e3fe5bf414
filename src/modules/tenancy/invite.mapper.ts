import { iso } from '../../core/http/serialize.js';
import type { InviteDto } from './dto/invite.dto.js';
import type { Invite } from './schemas/invite.schema.js';

/** An invite as its tenant's managers see it: never the token or its hash. */
export function toInviteDto(invite: Invite, now = new Date()): InviteDto {
  const lapsed = invite.status === 'pending' && invite.expiresAt.getTime() <= now.getTime();
  return {
    id: invite._id.toString(),
    tenantId: invite.tenantId.toString(),
    email: invite.email,
    role: invite.role,
    status: lapsed ? 'expired' : invite.status,
    invitedBy: invite.invitedBy.toString(),
    expiresAt: iso(invite.expiresAt)!,
    sendCount: invite.sendCount,
    acceptedAt: iso(invite.acceptedAt),
    createdAt: iso(invite.createdAt)!,
  };
}
