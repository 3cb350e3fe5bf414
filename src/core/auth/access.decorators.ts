import { applyDecorators, createParamDecorator, SetMetadata, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { Actor, Role } from './roles.js';
import { ApiProblem } from '../http/problem.dto.js';

export const ACCESS_KEY = 'atrium:access';

/** Every route declares exactly one of these; a route without one stops the application at boot. */
export type AccessRule = { kind: 'public'; identify?: boolean } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/**
 * Anyone, signed in or not. With `identify`, a presented access token is checked exactly as on an
 * authenticated route and its caller becomes `ctx.actor`; a presented token that does not pass is
 * answered 401 (so a client learns its token is stale), and no token at all means anonymous.
 */
export const Public = (options: { identify?: boolean } = {}) =>
  options.identify
    ? applyDecorators(
        SetMetadata(ACCESS_KEY, { kind: 'public', identify: true } satisfies AccessRule),
        // Optional security in OpenAPI terms: no requirement at all, or the bearer token.
        ApiSecurity({}),
        ApiBearerAuth(),
        ApiProblem(401, 'A presented access token is not valid'),
      )
    : SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user; the service's first line asks the permission policy about the object. */
export const Authenticated = () =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessRule),
    ApiBearerAuth(),
    ApiProblem(401, 'Missing or invalid access token'),
  );

/** Only these roles. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule),
    ApiBearerAuth(),
    ApiProblem(401, 'Missing or invalid access token'),
    ApiProblem(403, `Requires role: ${roles.join(' or ')}`),
  );

/** The verified caller; only on routes that are not @Public(). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<{ actor?: Actor }>().actor;
  if (!actor) throw new UnauthorizedException('Authentication required.');
  return actor;
});
