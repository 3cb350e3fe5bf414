import { describe, expect, it } from 'vitest';
import { RouteTable } from './method-not-allowed.js';

function table(): RouteTable {
  const routes = new RouteTable();
  routes.add('/api/users/:id', ['GET', 'PATCH']);
  routes.add('/api/users/me', ['GET', 'DELETE']);
  routes.add('/api/users/:id/status', ['PATCH']);
  routes.add('/api/notifications/:id', ['DELETE']);
  routes.add('/api/files/*', ['GET']);
  return routes;
}

describe('RouteTable', () => {
  it('names the most specific resource of a path and the methods it serves', () => {
    expect(table().resourceAt('/api/users/me')).toEqual({ patterns: new Set(['/api/users/me']), methods: ['DELETE', 'GET'] });
    expect(table().resourceAt('/api/users/abc')).toEqual({ patterns: new Set(['/api/users/:id']), methods: ['GET', 'PATCH'] });
    expect(table().resourceAt('/api/unknown')).toBeUndefined();
  });

  it('lets a parametric match keep its path unless an outranking route matches it too', () => {
    const routes = table();
    expect(routes.ownsPath('/api/users/:id', '/api/users/0123456789abcdef01234567')).toBe(true);
    expect(routes.ownsPath('/api/users/:id', '/api/users/me')).toBe(false);
    expect(routes.ownsPath('/api/notifications/:id', '/api/notifications/read-all')).toBe(true);
    expect(routes.ownsPath('/api/files/*', '/api/files/a/b')).toBe(true);
  });

  it('agrees with the full lookup after routes are added late', () => {
    const routes = table();
    expect(routes.ownsPath('/api/notifications/:id', '/api/notifications/read-all')).toBe(true);
    routes.add('/api/notifications/read-all', ['POST']);
    expect(routes.ownsPath('/api/notifications/:id', '/api/notifications/read-all')).toBe(false);
    expect(routes.resourceAt('/api/notifications/read-all')?.methods).toEqual(['POST']);
  });
});
