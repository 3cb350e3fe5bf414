import { describe, expect, it } from 'vitest';
import { signCaptureToken, verifyCaptureToken } from './capture-tokens.js';

const id = '665f1c2b9d3e4a0012345678';

describe('email capture tokens', () => {
  it('verify for their own purpose and id only', () => {
    const token = signCaptureToken('secret', 'confirm', id, new Date(Date.now() + 60_000));
    expect(verifyCaptureToken('secret', 'confirm', token)).toBe(id);
    expect(verifyCaptureToken('secret', 'unsubscribe', token)).toBeUndefined();
    expect(verifyCaptureToken('other secret', 'confirm', token)).toBeUndefined();
    expect(verifyCaptureToken('secret', 'confirm', token.replace(id, '665f1c2b9d3e4a0012345679'))).toBeUndefined();
  });

  it('expire when given an expiry, and never without one', () => {
    const expired = signCaptureToken('secret', 'confirm', id, new Date(Date.now() - 1000));
    expect(verifyCaptureToken('secret', 'confirm', expired)).toBeUndefined();
    const forever = signCaptureToken('secret', 'unsubscribe', id);
    expect(verifyCaptureToken('secret', 'unsubscribe', forever, new Date('2099-01-01'))).toBe(id);
  });

  it('refuse garbage', () => {
    expect(verifyCaptureToken('secret', 'confirm', 'a.b.c')).toBeUndefined();
    expect(verifyCaptureToken('secret', 'confirm', '')).toBeUndefined();
  });
});
