import { describe, expect, it } from 'vitest';
import { findCardData, looksLikeCardNumber } from './card-data.guard.js';
import type { FieldError } from '../../core/http/problem.js';

describe('card data detection', () => {
  it('recognises Luhn-valid card numbers with spaces or dashes', () => {
    expect(looksLikeCardNumber('4242424242424242')).toBe(true);
    expect(looksLikeCardNumber('4242 4242 4242 4242')).toBe(true);
    expect(looksLikeCardNumber('5555-5555-5555-4444')).toBe(true);
  });

  it('leaves other digit strings alone', () => {
    expect(looksLikeCardNumber('4242424242424241')).toBe(false); // fails Luhn
    expect(looksLikeCardNumber('123456')).toBe(false);
    expect(looksLikeCardNumber('INV-2026-000001')).toBe(false);
  });

  it('finds card fields and values at any depth', () => {
    const found: FieldError[] = [];
    findCardData({ a: { cvc: '123' }, b: ['x', '4000056655665556'], note: 'fine' }, 'body', found);
    expect(found.map((error) => error.field)).toEqual(['body.a.cvc', 'body.b.1']);
  });
});
