import { describe, expect, it } from 'vitest';
import { characterCount, clip, fitsLength, reachesLength } from './text-length.js';

describe('text length in characters', () => {
  it('counts a surrogate pair as one character and a lone surrogate as one', () => {
    expect(characterCount('abc')).toBe(3);
    expect(characterCount('😀😀')).toBe(2);
    expect(characterCount('a\uD83Db')).toBe(3);
    expect(characterCount('\uDE00\uD83D')).toBe(2);
    expect(characterCount('\uFE0F')).toBe(1);
    expect(characterCount('')).toBe(0);
  });

  it('agrees with the counted length on both sides of a limit', () => {
    for (const text of ['', 'a', '😀', 'a😀', '😀😀😀', '\uFE0F', 'é\u0301', 'x'.repeat(9)]) {
      const count = [...text].length;
      for (let limit = 0; limit <= 10; limit++) {
        expect(fitsLength(text, limit)).toBe(count <= limit);
        expect(reachesLength(text, limit)).toBe(count >= limit);
      }
    }
  });
});

describe('clip', () => {
  it('keeps text that fits and cuts longer text at a character, with an ellipsis', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('😀😀😀', 3)).toBe('😀😀😀');
    expect(clip('abcd', 3)).toBe('abc…');
    expect(clip('a😀😀😀', 2)).toBe('a😀…');
    // A cut by UTF-16 units would leave half of the second emoji.
    expect(clip('😀😀😀', 2)).toBe('😀😀…');
    expect(clip('ab\uD83D', 2)).toBe('ab…');
  });
});
