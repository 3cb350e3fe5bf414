import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone-number.js';

describe('normalizePhone', () => {
  it.each([
    ['+1 (415) 555-0100', undefined, '+14155550100', 'US'],
    ['(415) 555-0100', 'US', '+14155550100', 'US'],
    ['415.555.0100', 'US', '+14155550100', 'US'],
    ['+1 604 555 0100', undefined, '+16045550100', 'CA'],
    ['+44 20 7946 0958', undefined, '+442079460958', 'GB'],
    ['020 7946 0958', 'GB', '+442079460958', 'GB'],
    ['0044 20 7946 0958', undefined, '+442079460958', 'GB'],
    ['+33 1 42 68 53 00', undefined, '+33142685300', 'FR'],
    ['030 901820', 'DE', '+4930901820', 'DE'],
    ['+61 2 9374 4000', undefined, '+61293744000', 'AU'],
    ['+81 3-3224-9999', undefined, '+81332249999', 'JP'],
    ['+55 11 98765-4321', undefined, '+5511987654321', 'BR'],
    ['+91 98765 43210', undefined, '+919876543210', 'IN'],
    ['  +1 212 555 0100  ', undefined, '+12125550100', 'US'],
  ] as const)('%s (default %s) → %s', (input, country, e164, expectedCountry) => {
    expect(normalizePhone(input, country)).toEqual({ e164, country: expectedCountry });
  });

  it.each([
    ['12345', 'US'],
    ['(415) 555-0100', 'GB'],
    ['+999 123 456', undefined],
    ['not a number', 'US'],
    ['', 'US'],
    ['+1 415 555 01000000', undefined],
    ['4155550100', undefined],
    ['+'.padEnd(80, '1'), undefined],
  ] as const)('%j (default %s) is not a number', (input, country) => {
    expect(normalizePhone(input, country)).toBeNull();
  });
});
