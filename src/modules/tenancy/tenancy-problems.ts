import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../../core/http/problem.js';

export const slugTaken = (slug: string) =>
  new ProblemException(HttpStatus.CONFLICT, 'slug-taken', 'Slug taken', `Another tenant already uses the slug "${slug}".`, { slug });

export const lastOwner = () =>
  new ProblemException(
    HttpStatus.CONFLICT,
    'last-owner',
    'The tenant needs an owner',
    'This is the tenant’s last owner: make someone else owner (or transfer ownership) first.',
  );

export const alreadyMember = () =>
  new ProblemException(HttpStatus.CONFLICT, 'already-member', 'Already a member', 'This user is already a member of the tenant.');

export const notMember = (what = 'member') => new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'Not found', `No such ${what}.`);

export const changedConcurrently = () =>
  new ProblemException(
    HttpStatus.CONFLICT,
    'changed-concurrently',
    'Changed meanwhile',
    'The membership changed while this request ran; read it again and retry.',
  );

export const roleNotAllowed = (detail: string) =>
  new ProblemException(HttpStatus.FORBIDDEN, 'tenant-role-forbidden', 'Not allowed', detail);

export const tooManyTenants = (max: number) =>
  new ProblemException(HttpStatus.CONFLICT, 'tenant-limit', 'Too many tenants', `A user may own at most ${max} tenants.`, { max });

export const invitePending = () =>
  new ProblemException(
    HttpStatus.CONFLICT,
    'invite-pending',
    'Already invited',
    'This address already has a pending invitation to the tenant; resend it instead.',
  );

export const tooManyInvites = (max: number) =>
  new ProblemException(HttpStatus.CONFLICT, 'invite-limit', 'Too many pending invites', `A tenant may have ${max} pending invites.`, {
    max,
  });

export const inviteNotFound = () =>
  new ProblemException(HttpStatus.NOT_FOUND, 'invite-not-found', 'No such invite', 'No invitation has this token.');

export const inviteExpired = () =>
  new ProblemException(
    HttpStatus.GONE,
    'invite-expired',
    'Invitation expired',
    'This invitation has expired; ask the tenant for a new one.',
  );

export const inviteSettled = (status: string) =>
  new ProblemException(HttpStatus.CONFLICT, `invite-${status}`, `Invitation ${status}`, `This invitation was already ${status}.`, {
    inviteStatus: status,
  });

export const inviteForSomeoneElse = () =>
  new ProblemException(
    HttpStatus.FORBIDDEN,
    'invite-email-mismatch',
    'Invitation for another address',
    'This invitation was sent to another email address; sign in with the account of that address.',
  );

export const teamNameTaken = (name: string) =>
  new ProblemException(HttpStatus.CONFLICT, 'team-name-taken', 'Team name taken', `The tenant already has a team named "${name}".`);

export const alreadyInTeam = () =>
  new ProblemException(HttpStatus.CONFLICT, 'already-in-team', 'Already in the team', 'This member is already in the team.');

export const notTenantMember = () =>
  new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'not-a-tenant-member',
    'Not a member of the tenant',
    'Only members of the tenant join its teams; add or invite them first.',
  );
