import { describe, expect, it } from 'vitest';
import { planFor } from './rate-limit.js';

describe('which rate limits a route is under', () => {
  it('limits public routes per client address, and sign-in routes per address and route', () => {
    expect(planFor(undefined, { kind: 'public' })).toEqual({ client: 'public', user: false });
    expect(planFor('auth', { kind: 'public' })).toEqual({ client: 'auth', user: false });
  });

  it('limits every route that needs a token per user, on top of a declared address limit', () => {
    expect(planFor(undefined, { kind: 'authenticated' })).toEqual({ client: undefined, user: true });
    expect(planFor(undefined, { kind: 'roles', roles: ['staff', 'admin'] })).toEqual({ client: undefined, user: true });
    expect(planFor('auth', { kind: 'authenticated' })).toEqual({ client: 'auth', user: true });
  });

  it('exempts routes declared none from every limit', () => {
    expect(planFor('none', { kind: 'public' })).toEqual({ user: false });
    expect(planFor('none', { kind: 'authenticated' })).toEqual({ user: false });
  });
});
