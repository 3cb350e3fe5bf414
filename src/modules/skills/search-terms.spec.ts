import { describe, expect, it } from 'vitest';
import { queryTerms, searchTermsOf, stem } from './search-terms.js';

describe('the catalogue stemmer', () => {
  it('folds plurals and verb forms onto one stem', () => {
    const pairs: [string, string][] = [
      ['tests', 'test'],
      ['testing', 'test'],
      ['tested', 'test'],
      ['libraries', 'library'],
      ['classes', 'class'],
      ['boxes', 'box'],
      ['programming', 'program'],
      ['running', 'run'],
      ['coding', 'code'],
      ['creating', 'create'],
      ['skills', 'skill'],
      ['Python', 'python'],
    ];
    for (const [word, expected] of pairs) expect([word, stem(word)]).toEqual([word, expected]);
    for (const word of ['code', 'create', 'library', 'test', 'class']) expect(stem(word)).toBe(stem(`${word}`));
  });

  it('leaves short words, words that only look suffixed, and signs alone', () => {
    for (const word of ['css', 'go', 'string', 'analysis', 'status', 'speed', 'c++', 'c#']) expect(stem(word)).toBe(word);
  });
});

describe('search terms', () => {
  it('weights each stem by the fields it appears in, name heaviest, and bounds the list', () => {
    const terms = searchTermsOf({
      name: 'Unit Testing',
      tags: ['tests'],
      keywords: ['quality'],
      description: 'Writing unit tests for libraries.',
    });
    const weight = (term: string) => terms.find((entry) => entry.term === term)?.weight;
    expect(weight('test')).toBe(10 + 5 + 1);
    expect(weight('unit')).toBe(11);
    expect(weight('quality')).toBe(5);
    expect(weight('library')).toBe(1);
    expect(terms[0]).toEqual({ term: 'test', weight: 16 });
    expect(weight('for')).toBeUndefined();
    const long = searchTermsOf({ description: Array.from({ length: 500 }, (_, index) => `word${index}`).join(' ') }, 300);
    expect(long).toHaveLength(300);
  });

  it('turns a query into its distinct stems, common words out', () => {
    expect(queryTerms('Testing the libraries, tests and C++')).toEqual(['test', 'library', 'c++']);
    expect(queryTerms('the and of')).toEqual([]);
  });
});
