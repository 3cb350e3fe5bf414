import { describe, expect, it } from 'vitest';
import { TEXT_TYPES } from './file-purposes.js';
import { sniffText } from './text-sniff.js';

const all = TEXT_TYPES;
const sniff = (text: string | Buffer, allowed: readonly (typeof TEXT_TYPES)[number][] = all, complete = true) =>
  sniffText(Buffer.isBuffer(text) ? text : Buffer.from(text), complete, allowed);

describe('recognising text without a signature', () => {
  it('tells JSON, CSV and plain text apart', () => {
    expect(sniff('{"name": "Jane", "years": 10}')).toBe('application/json');
    expect(sniff('name,email\nJane,jane@example.com\nJoe,joe@example.com\n')).toBe('text/csv');
    expect(sniff('Jane Doe\nSenior engineer — 10 years, Zürich.\n')).toBe('text/plain');
    expect(sniff(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('with a BOM')]))).toBe('text/plain');
  });

  it('answers only what the purpose allows', () => {
    expect(sniff('{"a": 1}', ['text/plain'])).toBe('text/plain');
    expect(sniff('a,b\n1,2\n', ['application/json'])).toBeUndefined();
    expect(sniff('plain words', [])).toBeUndefined();
  });

  it('never takes markup or scripts for text, whatever is allowed', () => {
    expect(sniff('<!doctype html><script>alert(1)</script>')).toBeUndefined();
    expect(sniff('   \n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')).toBeUndefined();
    expect(sniff('<?xml version="1.0"?><a/>')).toBeUndefined();
    expect(sniff('#!/bin/sh\nrm -rf /\n')).toBeUndefined();
  });

  it('refuses binary content: invalid UTF-8, control characters, empty files', () => {
    expect(sniff(Buffer.from([0xc3, 0x28, 0x41]))).toBeUndefined();
    expect(sniff(Buffer.from('text\u0000with a NUL'))).toBeUndefined();
    expect(sniff(Buffer.from('bell\u0007'))).toBeUndefined();
    expect(sniff('')).toBeUndefined();
  });

  it('judges a sample cut inside a character as text, and JSON only on the whole file', () => {
    const cut = Buffer.from('naïve café', 'utf8').subarray(0, 11);
    expect(sniff(cut, all, false)).toBe('text/plain');
    expect(sniff(cut, all, true)).toBeUndefined();
    expect(sniff('{"a": 1}', all, false)).toBe('text/plain');
  });
});
