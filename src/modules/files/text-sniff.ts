import type { TextType } from './file-purposes.js';

/** How much of a file the text check reads: enough to judge, small enough to hold. */
export const TEXT_SAMPLE_BYTES = 64 * 1024;

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Control characters no text document carries (tab, line feed, form feed and carriage return are fine). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

/**
 * The text type of bytes that have no signature, or undefined. Conservative on purpose: only valid
 * UTF-8 without control characters is text, and markup (`<…`, which a browser may render as HTML or
 * SVG) or a script (`#!`) is never accepted as text, whatever the purpose allows.
 * `complete` says whether the sample is the whole file (JSON is judged on the whole file only).
 */
export function sniffText(sample: Buffer, complete: boolean, allowed: readonly TextType[]): TextType | undefined {
  if (allowed.length === 0 || sample.length === 0) return undefined;
  const bytes = sample.subarray(0, 3).equals(BOM) ? sample.subarray(3) : sample;
  let text: string;
  try {
    // Streaming mode lets a sample end inside a multi-byte character without failing.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
  } catch {
    return undefined;
  }
  if (CONTROL.test(text)) return undefined;
  const start = text.trimStart();
  if (start.length === 0 || start.startsWith('<') || start.startsWith('#!')) return undefined;
  if (allowed.includes('application/json') && complete && isJsonDocument(start)) return 'application/json';
  if (allowed.includes('text/csv') && looksLikeCsv(text, complete)) return 'text/csv';
  return allowed.includes('text/plain') ? 'text/plain' : undefined;
}

function isJsonDocument(text: string): boolean {
  if (!text.startsWith('{') && !text.startsWith('[')) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** At least two rows with the same number of commas (one or more); a cut-off last row is not counted. */
function looksLikeCsv(text: string, complete: boolean): boolean {
  const lines = text.split(/\r?\n/);
  if (!complete) lines.pop();
  const rows = lines.filter((line) => line.trim().length > 0);
  if (rows.length < 2) return false;
  const commas = (line: string) => line.split(',').length - 1;
  const width = commas(rows[0]);
  return width > 0 && rows.every((row) => commas(row) === width);
}
