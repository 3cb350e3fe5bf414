/**
 * The catalogue's own full-text search where the server has no `$text`: each skill keeps the stems of its words
 * with the weight of the fields they appear in, and a query matches by its own stems. The weights are those of the
 * MongoDB text index, so both servers rank a name match above a tag match above a description match.
 */
export const SEARCH_WEIGHTS = { name: 10, tags: 5, keywords: 5, description: 1 } as const;

export type SearchField = keyof typeof SEARCH_WEIGHTS;
export type SearchTermEntry = { term: string; weight: number };

/** Words too common to tell skills apart (as the text index's English stop list drops them). */
const STOP_WORDS = new Set(
  'a an and are as at be by for from how in into is it its of on or over the this to under using via what when with your you'.split(' '),
);

const VOWEL = /[aeiouy]/;
const isConsonant = (word: string, index: number): boolean => {
  const letter = word[index];
  if ('aeiou'.includes(letter)) return false;
  // y after a consonant sounds as a vowel (happy), at the start as a consonant (yarn).
  return letter !== 'y' || index === 0 || !isConsonant(word, index - 1);
};

/** A short stem ending consonant–vowel–consonant (hop, cod): the word lost an e before its suffix (hoping → hope). */
function shortCvc(stem: string): boolean {
  const n = stem.length;
  if (n < 2 || n > 3) return false;
  if (n === 2) return !isConsonant(stem, 0) && isConsonant(stem, 1);
  return isConsonant(stem, 0) && !isConsonant(stem, 1) && isConsonant(stem, 2) && !'wxy'.includes(stem[2]);
}

/** Puts back what an -ing/-ed suffix took: the e (creating → create, coding → code), or one of a doubled consonant (running → run). */
function afterSuffix(stem: string): string {
  if (/(at|bl|iz)$/.test(stem)) return `${stem}e`;
  const last = stem[stem.length - 1];
  if (stem.length > 2 && last === stem[stem.length - 2] && isConsonant(stem, stem.length - 1) && !'lsz'.includes(last))
    return stem.slice(0, -1);
  return shortCvc(stem) ? `${stem}e` : stem;
}

/**
 * A small English stemmer for the plural and verb forms people type: tests → test, libraries → library,
 * classes → class, boxes → box, testing → test, coded → code, running → run. Query and skill go through the
 * same function, so only consistency matters, not linguistic truth.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(x|ch|sh|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('eed')) return w;
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    // Only when a syllable is left: "string", "red" and "bed" are words, not suffixed forms.
    if (base.length >= 2 && VOWEL.test(base.slice(0, -1) || base) && VOWEL.test(base)) return afterSuffix(base);
    return w;
  }
  return w;
}

const MAX_TERM_LENGTH = 64;

/** The words of a text, lower-cased, stop words out; c++ and c# keep their signs so they stay apart from c. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+[+#]*/gu) ?? []).filter((word) => !STOP_WORDS.has(word));
}

/** The distinct stems of a query, in the order typed (what the fallback looks up and reports as matched). */
export function queryTerms(query: string, max = 20): string[] {
  return [...new Set(wordsOf(query).map((word) => stem(word).slice(0, MAX_TERM_LENGTH)))].slice(0, max);
}

/**
 * The stems of a skill's fields, each weighted by the sum of the fields it appears in (a word in the name and the
 * description weighs 11), heaviest first, bounded so a long description cannot grow the document without end.
 */
export function searchTermsOf(fields: Partial<Record<SearchField, string | readonly string[]>>, max = 300): SearchTermEntry[] {
  const weights = new Map<string, number>();
  for (const field of Object.keys(SEARCH_WEIGHTS) as SearchField[]) {
    const value = fields[field];
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : value.join(' ');
    for (const term of new Set(wordsOf(text).map((word) => stem(word).slice(0, MAX_TERM_LENGTH))))
      weights.set(term, (weights.get(term) ?? 0) + SEARCH_WEIGHTS[field]);
  }
  return [...weights.entries()]
    .map(([term, weight]) => ({ term, weight }))
    .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
    .slice(0, max);
}
