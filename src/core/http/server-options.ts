import type { Environment } from '../config/environment.js';
import { MAX_HEADER_BYTES } from './client-error.js';
import { trustProxyOption } from './trusted-proxies.js';

/**
 * How often Node checks open connections against the request and header timeouts (30 s by default,
 * which would let a timeout run up to 30 s late): a quarter of the shorter timeout, at most once a second.
 */
export function connectionsCheckingInterval(env: Pick<Environment, 'REQUEST_TIMEOUT_MS' | 'HEADERS_TIMEOUT_MS'>): number {
  return Math.max(25, Math.min(1000, Math.floor(Math.min(env.REQUEST_TIMEOUT_MS, env.HEADERS_TIMEOUT_MS) / 4)));
}

/** The HTTP server's limits and timeouts, from the environment. */
export function serverOptions(env: Environment) {
  return {
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(env.TRUSTED_PROXIES),
    // A body that never finishes, or headers sent a byte at a time, cannot hold a connection for long.
    requestTimeout: env.REQUEST_TIMEOUT_MS,
    // A `__proto__` key (or `constructor.prototype`) is valid JSON and no schema forbids it, so the body is not
    // refused as malformed: the key is dropped as it is parsed, as the DTO build drops it, and sets no prototype.
    onProtoPoisoning: 'remove' as const,
    onConstructorPoisoning: 'remove' as const,
    // The longest path key a route takes is an address (254 characters, its @ sent as %40); longer is 414.
    routerOptions: { maxParamLength: 260 },
    keepAliveTimeout: env.KEEP_ALIVE_TIMEOUT_MS,
    http: {
      maxHeaderSize: MAX_HEADER_BYTES,
      headersTimeout: env.HEADERS_TIMEOUT_MS,
      requestTimeout: env.REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: connectionsCheckingInterval(env),
    },
    // While shutting down, requests already on open connections are answered (with Connection: close), not 503.
    return503OnClosing: false,
    // Idle keep-alive sockets are closed at once on shutdown; busy ones after their answer.
    forceCloseConnections: 'idle' as const,
  };
}
