/**
 * A string's length in characters (Unicode code points), the way JSON Schema's `maxLength` counts and
 * so the way the API document promises. `String.length` counts UTF-16 units, two for an emoji or any
 * other character outside the Basic Multilingual Plane: a limit checked with it refuses text the
 * document says fits. A lone surrogate counts as one character, as it does in JSON Schema.
 */
export function characterCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) continue;
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) {
      count--;
      i++;
    }
  }
  return count;
}

// A string of at most `max` UTF-16 units has at most `max` characters: the count is only taken near the limit.
export const fitsLength = (text: string, max: number): boolean => text.length <= max || characterCount(text) <= max;

// Each character is at most two units, so twice `min` units always hold `min` characters.
export const reachesLength = (text: string, min: number): boolean =>
  text.length >= 2 * min || (text.length >= min && characterCount(text) >= min);

/**
 * `text` itself when it has at most `max` characters, else its first `max` characters and an ellipsis.
 * Cut at a character, never between the two halves of a surrogate pair: a half alone is not text, and
 * it would be stored as U+FFFD.
 */
export function clip(text: string, max: number): string {
  if (fitsLength(text, max)) return text;
  let end = 0;
  for (let kept = 0; kept < max; kept++) {
    const unit = text.charCodeAt(end);
    const next = text.charCodeAt(end + 1);
    end += unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return `${text.slice(0, end)}…`;
}
