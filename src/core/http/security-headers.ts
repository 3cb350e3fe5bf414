import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The security headers of every answer. One helmet instance for the process: its headers are computed
 * once, not on every request. The benchmark's baseline sends the same ones.
 */
export function securityHeaders(): (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI inlines its styles and loads its bundle from this origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        // Plain-http deployments (localhost, behind a TLS proxy) must still load Swagger UI's assets.
        upgradeInsecureRequests: null,
      },
    },
  });
}
