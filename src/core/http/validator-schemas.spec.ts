import { isURL } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { isPublicHttpsUrl } from '../net/outbound-url.js';
import { describeRule, portablePattern, type ValidationRule } from './validator-schemas.js';

const rule = (name: string, constraints: unknown[] = []) => ({ name, constraints }) as unknown as ValidationRule;
const patternOf = (name: string, constraints: unknown[] = []) => new RegExp(describeRule(rule(name, constraints))!.pattern!);

describe('validator schemas', () => {
  it('spells out \\d and \\w as the ASCII classes they are in JavaScript, inside and outside brackets', () => {
    expect(portablePattern('^\\d{4}$')).toBe('^[0-9]{4}$');
    expect(portablePattern('^[\\w.:/-]+$')).toBe('^[A-Za-z0-9_.:/-]+$');
    expect(portablePattern('^a\\\\d$')).toBe('^a\\\\d$');
    // \S is what trim() keeps: a BOM or a no-break space is a space in JavaScript, not in every dialect.
    expect(new RegExp(portablePattern('\\S')).test('\ufeff\u00a0\u2028')).toBe(false);
    expect(new RegExp(portablePattern('\\S')).test(' x ')).toBe(true);
  });

  it('documents only URLs the URL validator accepts', () => {
    const https = patternOf('isUrl', [{ protocols: ['https'], require_protocol: true }]);
    for (const url of ['https://a.bc', 'https://0.aa/x?y=1', 'https://a-b.c-d.ef//p(q)@:;=,*+$!~']) {
      expect(https.test(url), url).toBe(true);
      expect(isURL(url, { protocols: ['https'], require_protocol: true }), url).toBe(true);
    }
    for (const url of ['https://0.a', 'http://a.bc', 'https://a.bc:99999', 'https://-a.bc']) expect(https.test(url), url).toBe(false);
  });

  it('keeps local, internal and special-use names out of public https URLs, as the outbound policy does', () => {
    const publicHttps = patternOf('isPublicHttpsUrl');
    for (const url of ['https://none.example', 'https://a.test/x', 'https://printer.local', 'https://db.svc?x', 'https://x.internal']) {
      expect(publicHttps.test(url), url).toBe(false);
      expect(isPublicHttpsUrl(url), url).toBe(false);
    }
    for (const url of ['https://push.example.com/send', 'https://fcm.googleapis.com/fcm/send/abc']) {
      expect(publicHttps.test(url), url).toBe(true);
      expect(isPublicHttpsUrl(url), url).toBe(true);
    }
  });

  it('refuses, like the document, a public https URL whose host is not a DNS name', () => {
    const publicHttps = patternOf('isPublicHttpsUrl');
    for (const url of ['https://push.example.com*', 'https://a.b$c.com/x', "https://a'b.com", 'https://-a.com', 'https://a_b.com']) {
      expect(publicHttps.test(url), url).toBe(false);
      expect(isPublicHttpsUrl(url), url).toBe(false);
    }
  });

  it('has no schema for a validator it does not know, rather than a wrong one', () => {
    expect(describeRule(rule('isSomethingElse'))).toBeUndefined();
  });
});
