import { ForbiddenException } from '@nestjs/common';
import { isStaff, type Actor } from './roles.js';

/**
 * The one ownership rule: a user reads and changes only what is theirs; staff and admin may act on anyone's.
 * Services call it before touching a resource.
 */
export function mayAccess(actor: Actor, ownerId: string | { toString(): string }): boolean {
  return isStaff(actor) || actor.id === ownerId.toString();
}

export function assertMayAccess(actor: Actor, ownerId: string | { toString(): string }): void {
  if (!mayAccess(actor, ownerId)) throw new ForbiddenException('This resource belongs to another user.');
}
