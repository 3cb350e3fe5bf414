import { HttpStatus } from '@nestjs/common';
import type { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { ProblemException } from '../../core/http/problem.js';

/** After a read check passed: staff see a user's favorites and folders, but only the user changes them (403). */
export function requireOwnerChange(policy: PermissionPolicy, ctx: RequestContext, userId: { toString(): string }): void {
  if (!policy.can(ctx, 'favorite.change', { ownerId: userId }))
    throw new ProblemException(HttpStatus.FORBIDDEN, 'not-owner', 'Not yours to change', 'Only the user changes their favorites.');
}
