import { isIP } from 'node:net';
import { forbiddenAddressReason } from './forbidden-addresses.js';

/** An outbound URL or address that the policy refuses; `reason` says which rule. */
export class OutboundUrlRefused extends Error {
  readonly code = 'ERR_OUTBOUND_URL_REFUSED';
  constructor(readonly reason: string) {
    super(`outbound call refused: ${reason}`);
    this.name = 'OutboundUrlRefused';
  }
}

// Names that never lead to the public internet: this host, local networks, cloud and cluster internals.
export const FORBIDDEN_SUFFIXES = ['localhost', 'local', 'localdomain', 'internal', 'intranet', 'lan', 'arpa', 'svc'];
export const SPECIAL_USE_TLDS = ['test', 'invalid', 'example', 'onion', 'alt'];
const METADATA_HOSTS = new Set(['metadata.goog', 'metadata.tencentyun.com', 'metadata.platformequinix.com']);
// Characters that legacy URL parsers read differently from WHATWG's (a split between check and use).
const isAmbiguous = (input: string) =>
  [...input].some((char) => char === '\\' || char.trim() === '' || char.charCodeAt(0) < 0x20 || char === '\u007f');

// A DNS name (RFC 1123 labels; an internationalized name arrives here as punycode). WHATWG hosts may
// also hold `*`, `$`, quotes…, which no resolver answers for.
const DNS_NAME = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

function forbiddenHostnameReason(host: string): string | undefined {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (!DNS_NAME.test(name)) return `${host} is not a DNS host name`;
  if (!name.includes('.')) return `${host} is a single-label name (resolved through local search domains)`;
  if (METADATA_HOSTS.has(name)) return `${host} is a cloud metadata service`;
  const labels = name.split('.');
  const tld = labels[labels.length - 1];
  if (SPECIAL_USE_TLDS.includes(tld)) return `${host} is a special-use name`;
  const suffix = FORBIDDEN_SUFFIXES.find((candidate) => name === candidate || name.endsWith(`.${candidate}`));
  if (suffix) return `${host} is a local or internal name (.${suffix})`;
  return undefined;
}

/**
 * Why this URL may not be the target of a server-side call, or undefined when it may.
 * https only, no credentials, and a host that is neither a forbidden address nor a local name.
 * The WHATWG parser has already turned decimal, octal and hex IPv4 spellings into dotted form.
 */
export function outboundUrlProblem(input: string): string | undefined {
  if (isAmbiguous(input)) return 'contains whitespace, control characters or backslashes';
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:') return 'must use https';
  if (url.username || url.password) return 'must not carry credentials';
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (!host) return 'has no host';
  if (isIP(host)) {
    const reason = forbiddenAddressReason(host);
    return reason && `${host} is ${reason}`;
  }
  return forbiddenHostnameReason(host.toLowerCase());
}

export const isPublicHttpsUrl = (input: unknown): boolean => typeof input === 'string' && outboundUrlProblem(input) === undefined;

/** The parsed, normalized URL when the policy allows it; throws OutboundUrlRefused otherwise. */
export function assertPublicHttpsUrl(input: string): URL {
  const problem = outboundUrlProblem(input);
  if (problem) throw new OutboundUrlRefused(problem);
  return new URL(input);
}
