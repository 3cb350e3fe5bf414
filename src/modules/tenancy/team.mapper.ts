import { iso } from '../../core/http/serialize.js';
import type { UserContact } from '../identity/index.js';
import type { TeamDto, TeamMemberDto } from './dto/team.dto.js';
import type { Team } from './schemas/team.schema.js';
import type { TeamMember } from './schemas/team-member.schema.js';

export const toTeamDto = (team: Team): TeamDto => ({
  id: team._id.toString(),
  tenantId: team.tenantId.toString(),
  name: team.name,
  description: team.description,
  createdBy: team.createdBy.toString(),
  createdAt: iso(team.createdAt)!,
  updatedAt: iso(team.updatedAt)!,
});

export const toTeamMemberDto = (member: TeamMember, contact?: UserContact): TeamMemberDto => ({
  teamId: member.teamId.toString(),
  userId: member.userId.toString(),
  role: member.role,
  ...(contact ? { name: contact.publicName ?? contact.name } : {}),
  addedAt: iso(member.createdAt)!,
});
