import { describe, expect, it } from 'vitest';
import { formatMoney, isCurrency, minorDigits, taxOf } from './money.js';

describe('money', () => {
  it('knows ISO 4217 codes', () => {
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('usd')).toBe(true);
    expect(isCurrency('XXQ')).toBe(false);
    expect(isCurrency(12)).toBe(false);
  });

  it('uses each currency’s minor unit', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(formatMoney(1234, 'EUR')).toBe('€12.34');
    expect(formatMoney(1234, 'JPY')).toBe('¥1,234');
  });

  it('computes tax in basis points, rounding half up, on integers only', () => {
    expect(taxOf(1000, 1900)).toBe(190);
    expect(taxOf(999, 1900)).toBe(190); // 189.81 → 190
    expect(taxOf(5, 1000)).toBe(1); // 0.5 → 1
    expect(taxOf(4, 1000)).toBe(0);
    expect(taxOf(1000, 0)).toBe(0);
  });
});
