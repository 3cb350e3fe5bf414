import { BlockList, isIP, isIPv4 } from 'node:net';

/**
 * Address ranges an outbound call must never reach: this host, the private network around it,
 * cloud metadata services, and everything IANA keeps out of the public internet.
 */
const IPV4_RANGES: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'private (RFC 1918)'],
  ['100.64.0.0', 10, 'carrier-grade NAT (RFC 6598)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private (RFC 1918)'],
  ['192.0.0.0', 24, 'reserved (IETF protocol assignments)'],
  ['192.0.2.0', 24, 'reserved (documentation)'],
  ['192.88.99.0', 24, 'reserved (6to4 relay)'],
  ['192.168.0.0', 16, 'private (RFC 1918)'],
  ['198.18.0.0', 15, 'reserved (benchmarking)'],
  ['198.51.100.0', 24, 'reserved (documentation)'],
  ['203.0.113.0', 24, 'reserved (documentation)'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved or broadcast'],
];

// Only 2000::/3 is global unicast; inside it, these are not public either.
const IPV6_GLOBAL = blockList([['2000::', 3]], 'ipv6');
const IPV6_RANGES: Array<[string, number, string]> = [
  ['2001::', 23, 'reserved (IETF protocol assignments, Teredo)'],
  ['2001:db8::', 32, 'reserved (documentation)'],
  ['2002::', 16, 'reserved (6to4)'],
  ['3fff::', 20, 'reserved (documentation)'],
];
const IPV6_OUTSIDE_GLOBAL: Array<[string, number, string]> = [
  ['::1', 128, 'loopback'],
  ['::', 128, 'unspecified'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];
// IPv6 forms that carry an IPv4 address in their last 32 bits: judged by that address.
const IPV4_MAPPED = blockList([['::ffff:0:0', 96]], 'ipv6');
const NAT64 = blockList([['64:ff9b::', 96]], 'ipv6');

function blockList(ranges: Array<[string, number]>, family: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of ranges) list.addSubnet(network, prefix, family);
  return list;
}

const labelled = (ranges: Array<[string, number, string]>, family: 'ipv4' | 'ipv6') =>
  ranges.map(([network, prefix, label]) => ({ label, list: blockList([[network, prefix]], family) }));

const IPV4_LISTS = labelled(IPV4_RANGES, 'ipv4');
const IPV6_LISTS = labelled(IPV6_RANGES, 'ipv6');
const IPV6_OUTSIDE_LISTS = labelled(IPV6_OUTSIDE_GLOBAL, 'ipv6');

/** The last 32 bits of an IPv6 address as dotted IPv4. */
function embeddedIpv4(address: string): string {
  const normalized = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const [head, tail = ''] = normalized.split('::');
  const headWords = head ? head.split(':') : [];
  const tailWords = tail ? tail.split(':') : [];
  const words = normalized.includes('::')
    ? [...headWords, ...Array<string>(8 - headWords.length - tailWords.length).fill('0'), ...tailWords]
    : headWords;
  const [high, low] = words.slice(6).map((word) => parseInt(word, 16));
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/**
 * Why an outbound call may not go to this IP address, or undefined when it is a public one.
 * Anything that is not an IP address is refused too.
 */
export function forbiddenAddressReason(address: string): string | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 0) return 'not an IP address';
  if (isIPv4(bare)) return IPV4_LISTS.find(({ list }) => list.check(bare, 'ipv4'))?.label;
  if (IPV4_MAPPED.check(bare, 'ipv6') || NAT64.check(bare, 'ipv6')) {
    const inner = embeddedIpv4(bare);
    const reason = forbiddenAddressReason(inner);
    return reason && `${reason} (${inner} inside IPv6)`;
  }
  const outside = IPV6_OUTSIDE_LISTS.find(({ list }) => list.check(bare, 'ipv6'));
  if (outside) return outside.label;
  if (!IPV6_GLOBAL.check(bare, 'ipv6')) return 'reserved (not global unicast)';
  return IPV6_LISTS.find(({ list }) => list.check(bare, 'ipv6'))?.label;
}

export const isPublicAddress = (address: string): boolean => forbiddenAddressReason(address) === undefined;
