import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

/** Caller's address and user agent, for sessions and the activity log. */
export const Client = createParamDecorator((_: unknown, context: ExecutionContext): ClientInfo => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip?.slice(0, 64), userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : undefined };
});
