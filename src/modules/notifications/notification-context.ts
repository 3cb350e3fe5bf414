import { systemContext, type RequestContext } from '../../core/auth/request-context.js';

/** The same request acting as the system: for work a flow does on the platform's behalf (queueing its email). */
export const asSystem = (ctx: RequestContext): RequestContext => ({ ...systemContext(ctx.requestId), client: ctx.client });
