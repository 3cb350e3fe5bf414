import { describe, expect, it } from 'vitest';
import { forbiddenAddressReason } from './forbidden-addresses.js';
import { assertPublicHttpsUrl, OutboundUrlRefused, outboundUrlProblem } from './outbound-url.js';

describe('outbound URL policy', () => {
  it.each([
    'https://fcm.googleapis.com/fcm/send/abc:APA91b',
    'https://updates.push.services.mozilla.com/wpush/v2/gAAAAA',
    'https://web.push.apple.com/QGuQyavXutnMH',
    'https://push.example.com:8443/device/1',
    'https://8.8.8.8/',
    'https://[2606:4700:4700::1111]/',
    'https://[64:ff9b::808:808]/', // NAT64 of a public address
    'https://[::ffff:8.8.8.8]/',
    'https://пример.рф/push',
    'https://Example.COM./push',
  ])('allows %s', (url) => {
    expect(outboundUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['http://example.com/', 'https'],
    ['ftp://example.com/', 'https'],
    ['https://user:secret@example.com/', 'credentials'],
    ['https://user@example.com/', 'credentials'],
    ['https://127.0.0.1/', 'loopback'],
    ['https://127.255.255.254:8443/x', 'loopback'],
    ['https://2130706433/', 'loopback'], // decimal
    ['https://017700000001/', 'loopback'], // octal
    ['https://0x7f000001/', 'loopback'], // hex
    ['https://0x7f.1/', 'loopback'], // mixed short form
    ['https://127.1/', 'loopback'],
    ['https://%31%32%37.0.0.1/', 'loopback'], // percent-encoded
    ['https://[::1]/', 'loopback'],
    ['https://[0:0:0:0:0:0:0:1]/', 'loopback'],
    ['https://[::ffff:127.0.0.1]/', 'loopback'], // IPv4-mapped
    ['https://[::ffff:7f00:1]/', 'loopback'],
    ['https://[::ffff:169.254.169.254]/', 'link-local'],
    ['https://[64:ff9b::a00:1]/', 'private'], // NAT64 of 10.0.0.1
    ['https://[::127.0.0.1]/', 'reserved'], // IPv4-compatible (deprecated)
    ['https://0.0.0.0/', 'unspecified'],
    ['https://0/', 'unspecified'],
    ['https://[::]/', 'unspecified'],
    ['https://10.0.0.1/', 'private'],
    ['https://172.16.5.4/', 'private'],
    ['https://172.31.255.255/', 'private'],
    ['https://192.168.1.1/', 'private'],
    ['https://100.64.0.1/', 'carrier-grade NAT'],
    ['https://100.100.100.200/', 'carrier-grade NAT'], // a cloud metadata address
    ['https://169.254.169.254/latest/meta-data/', 'link-local'],
    ['https://[fe80::1]/', 'link-local'],
    ['https://[fd00:ec2::254]/', 'unique-local'], // a cloud metadata address
    ['https://[fc00::1]/', 'unique-local'],
    ['https://224.0.0.1/', 'multicast'],
    ['https://[ff02::1]/', 'multicast'],
    ['https://255.255.255.255/', 'broadcast'],
    ['https://240.0.0.1/', 'reserved'],
    ['https://192.0.2.10/', 'documentation'],
    ['https://198.18.0.1/', 'benchmarking'],
    ['https://[2001:db8::1]/', 'documentation'],
    ['https://[2002:7f00:1::]/', '6to4'],
    ['https://[2001::1]/', 'Teredo'],
    ['https://localhost/', 'single-label'],
    ['https://localhost./', 'single-label'],
    ['https://api.localhost/', '.localhost'],
    ['https://metadata.google.internal/computeMetadata/v1/', '.internal'],
    ['https://METADATA.GOOGLE.INTERNAL./', '.internal'],
    ['https://metadata.goog/', 'metadata'],
    ['https://metadata/', 'single-label'],
    ['https://intranet/', 'single-label'],
    ['https://printer.local/', '.local'],
    ['https://kubernetes.default.svc/', '.svc'],
    ['https://1.0.0.127.in-addr.arpa/', '.arpa'],
    ['https://push.test/', 'special-use'],
    ['https://example.com\\@127.0.0.1/', 'backslash'],
    ['https://example.com/ x', 'whitespace'],
    ['https://exa\tmple.com/', 'whitespace'],
    ['not a url', 'whitespace'],
    ['https:///nohost', 'single-label'],
    ['//example.com/', 'valid URL'],
  ])('refuses %s (%s)', (url, reason) => {
    const problem = outboundUrlProblem(url);
    expect(problem).toBeDefined();
    expect(problem).toContain(reason);
  });

  it('answers the normalized URL, or throws the reason', () => {
    expect(assertPublicHttpsUrl('https://PUSH.example.com/a').href).toBe('https://push.example.com/a');
    expect(() => assertPublicHttpsUrl('https://2130706433/')).toThrow(OutboundUrlRefused);
    expect(() => assertPublicHttpsUrl('https://2130706433/')).toThrow('127.0.0.1 is loopback');
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['[::1]', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['example.com', 'not an IP'],
  ])('classifies the address %s as %s', (address, reason) => {
    expect(forbiddenAddressReason(address)).toContain(reason);
  });

  it.each(['1.1.1.1', '2a00:1450:4001:82b::200a', '::ffff:1.1.1.1', '100.63.255.255', '100.128.0.1', '172.32.0.1', '11.0.0.1'])(
    'treats %s as public',
    (address) => {
      expect(forbiddenAddressReason(address)).toBeUndefined();
    },
  );
});
