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

  it('answers as the full lookup for every pattern and path of a crowded table, wildcards included', () => {
    const words = ['api', 'users', 'me', 'files', 'a', 'b'];
    const parts = [...words, ':id'];
    const patterns = new Set<string>();
    // Every pattern of up to four segments from these parts, some ending in a wildcard.
    const grow = (prefix: string[]) => {
      if (prefix.length > 0) patterns.add(`/${prefix.join('/')}`);
      if (prefix.length > 0 && prefix.length < 4) patterns.add(`/${[...prefix, '*'].join('/')}`);
      if (prefix.length < 4) for (const part of parts) grow([...prefix, part]);
    };
    grow([]);
    const routes = new RouteTable();
    for (const pattern of patterns) routes.add(pattern, ['GET']);
    const paths = [...patterns].map((pattern) => pattern.replaceAll(':id', 'x1').replaceAll('*', 'y/z'));
    let checked = 0;
    for (const path of paths) {
      const best = routes.resourceAt(path)?.patterns ?? new Set<string>();
      for (const pattern of patterns) {
        if (!matchesPath(pattern, path)) continue;
        expect(routes.ownsPath(pattern, path), `${pattern} ${path}`).toBe(best.has(pattern));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});

/** A pattern's match as Fastify's router makes it: a parameter takes one non-empty segment, a wildcard the rest. */
function matchesPath(pattern: string, path: string): boolean {
  const [want, have] = [pattern.split('/'), path.split('/')];
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '*') return true;
    if (i >= have.length || (want[i].startsWith(':') ? have[i] === '' : want[i] !== have[i])) return false;
  }
  return want.length === have.length;
}
