import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME, sanitizeFileName } from './file-name.js';

describe('stored file names', () => {
  it('keep only the last path segment, without control or path characters', () => {
    expect(sanitizeFileName('C:\\Users\\jane\\cv.pdf')).toBe('cv.pdf');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('cv\r\n"final".pdf')).toBe('cv___final_.pdf');
    expect(sanitizeFileName('  ..hidden.  ')).toBe('hidden');
  });

  it('fall back to "file" when nothing is left', () => {
    expect(sanitizeFileName(undefined)).toBe('file');
    expect(sanitizeFileName('...')).toBe('file');
  });

  it('are bounded by code point and keep their extension', () => {
    const long = `${'é'.repeat(300)}.docx`;
    const name = sanitizeFileName(long);
    expect([...name]).toHaveLength(MAX_FILE_NAME);
    expect(name.endsWith('.docx')).toBe(true);
    expect(sanitizeFileName(`${'😀'.repeat(250)}`)).toBe('😀'.repeat(MAX_FILE_NAME));
  });
});
