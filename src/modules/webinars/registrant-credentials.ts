import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { MANAGE_TOKEN_HEADER } from './manage-tokens.js';

/** What a registrant without a session presents: the manage token mailed on registration. */
export interface RegistrantCredentials {
  manageToken?: string;
}

const MAX_TOKEN_LENGTH = 4096;

/** The route is public (a token holder has no account), so the handler reads the manage token itself. */
export const Credentials = createParamDecorator((_: unknown, context: ExecutionContext): RegistrantCredentials => {
  const headers = context.switchToHttp().getRequest<FastifyRequest>().headers;
  const manageToken = headers[MANAGE_TOKEN_HEADER];
  return {
    manageToken: typeof manageToken === 'string' && manageToken.length > 0 ? manageToken.slice(0, MAX_TOKEN_LENGTH) : undefined,
  };
});
