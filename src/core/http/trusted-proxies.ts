import { isIP } from 'node:net';

/** Names proxy-addr (Fastify's trustProxy) understands for well-known ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const HOP_COUNT = /^\d+$/;

function isRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry) || isIP(entry) !== 0) return true;
  const [address, prefix, extra] = entry.split('/');
  if (extra !== undefined || prefix === undefined) return false;
  const family = isIP(address);
  if (family === 4 && isIP(prefix) === 4) return true; // 10.0.0.0/255.0.0.0
  if (!HOP_COUNT.test(prefix)) return false;
  return family !== 0 && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Empty, a hop count, or a comma-separated list of addresses, CIDR ranges or range names. */
export function isTrustedProxies(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  if (trimmed === '' || HOP_COUNT.test(trimmed)) return true;
  return trimmed.split(',').every((entry) => isRange(entry.trim()));
}

/** proxy-addr's trust callback: the address of hop `hop` (0 = the socket's peer) is a proxy to see through. */
export type TrustProxyFunction = (address: string, hop: number) => boolean;

/**
 * Fastify's trustProxy from TRUSTED_PROXIES. Unset or empty trusts no one, whatever NODE_ENV says:
 * a forwarded address is believed only from a proxy the operator named, never from the client itself
 * (which could otherwise pick a new address per request and escape every per-client limit).
 * A hop count trusts the nearest N peers whoever they are (Fastify itself refuses plain numbers),
 * so it is for deployments reachable only through their proxies.
 */
export function trustProxyOption(value: string | undefined): false | string[] | TrustProxyFunction {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return false;
  if (HOP_COUNT.test(trimmed)) {
    const hops = Number(trimmed);
    return hops === 0 ? false : (_address, hop) => hop < hops;
  }
  return trimmed.split(',').map((entry) => entry.trim());
}
