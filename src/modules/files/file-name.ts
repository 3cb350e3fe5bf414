/** Longest stored file name, in characters; longer names keep their extension. */
export const MAX_FILE_NAME = 200;

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x1f\x7f"*:<>?|\\/]/g;

/**
 * The name a file is stored and offered under: the last segment of whatever path the client sent,
 * without control or path characters, trimmed and bounded. Never used to find the file.
 */
export function sanitizeFileName(given: string | undefined): string {
  const last = (given ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  // By code point, so a cut never splits a character in two.
  const chars = [...(clean || 'file')];
  if (chars.length <= MAX_FILE_NAME) return chars.join('');
  const dot = chars.lastIndexOf('.');
  const extension = dot > 0 && chars.length - dot <= 16 ? chars.slice(dot) : [];
  return [...chars.slice(0, MAX_FILE_NAME - extension.length), ...extension].join('');
}
