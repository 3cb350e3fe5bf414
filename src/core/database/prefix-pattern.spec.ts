import { describe, expect, it } from 'vitest';
import { literalPattern, prefixPattern } from './prefix-pattern.js';

describe('literalPattern', () => {
  it.each([
    ['a.b', 'a.b', 'axb'],
    ['(x)+', '(x)+', 'xx'],
    ['nul\u0000here', 'nul\u0000here', 'nulhere'],
    ['tab\tand\u007f', 'tab\tand\u007f', 'tab and'],
  ])('matches %j literally and nothing else', (text, same, other) => {
    const pattern = new RegExp(`^${literalPattern(text)}$`);
    expect(pattern.test(same)).toBe(true);
    expect(pattern.test(other)).toBe(false);
  });

  it('writes no control character into the pattern itself', () => {
    // eslint-disable-next-line no-control-regex
    expect(literalPattern('\u0000\u0001\u001f')).not.toMatch(/[\u0000-\u001f]/);
  });

  it('anchors a prefix', () => {
    expect(new RegExp(prefixPattern('ab')).test('abc')).toBe(true);
    expect(new RegExp(prefixPattern('ab')).test('cab')).toBe(false);
  });
});
