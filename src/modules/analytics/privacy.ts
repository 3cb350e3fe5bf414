import { isIP } from 'node:net';

/** Query keys a tracked path keeps (campaign attribution); any other parameter may carry a token or an email. */
export const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;

export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
}

const MAX_UTM_CHARS = 200;

/**
 * An address reduced to its network: IPv4 to /24 (last octet zeroed), IPv6 to /48. Enough for rough
 * geography and abuse patterns, not enough to name a household. Anything else is dropped.
 */
export function anonymizeIp(ip: string | undefined): string | undefined {
  if (!ip) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const address = mapped ?? ip;
  const version = isIP(address);
  if (version === 4) return address.replace(/\.\d+$/, '.0');
  if (version !== 6) return undefined;
  const [head, tail] = address.split('::');
  const leading = head ? head.split(':') : [];
  const trailing = tail ? tail.split(':') : [];
  const groups = tail === undefined ? leading : [...leading, ...Array(8 - leading.length - trailing.length).fill('0'), ...trailing];
  const network = groups.slice(0, 3);
  return `${network.join(':')}::`;
}

/**
 * A path fit to store: the fragment and every query parameter but the UTM ones dropped (a reset
 * token or an email in a URL must never reach analytics); the UTM values answered apart.
 */
export function cleanPath(raw: string): { path: string; utm?: Utm } {
  const [beforeFragment] = raw.split('#');
  const queryAt = beforeFragment.indexOf('?');
  const path = queryAt === -1 ? beforeFragment : beforeFragment.slice(0, queryAt);
  if (queryAt === -1) return { path };
  const query = new URLSearchParams(beforeFragment.slice(queryAt + 1));
  const utm: Utm = {};
  for (const key of UTM_KEYS) {
    const value = query.get(key);
    if (value) utm[key.slice(4) as keyof Utm] = value.slice(0, MAX_UTM_CHARS);
  }
  return Object.keys(utm).length > 0 ? { path, utm } : { path };
}

/** The UTC day of an instant, as stored on every tracked document and grouped by the dashboards. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
