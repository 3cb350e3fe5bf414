import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { routeLabel, UNMATCHED_ROUTE } from './http-metrics.js';

const request = (is404: boolean, url: string | undefined) => ({ is404, routeOptions: { url } }) as unknown as FastifyRequest;

describe('the route label of a request', () => {
  it('is the matched route template, never the concrete path', () => {
    expect(routeLabel(request(false, '/api/users/:id'))).toBe('/api/users/:id');
  });

  it('is one fixed label for whatever no route matched', () => {
    expect(routeLabel(request(true, undefined))).toBe(UNMATCHED_ROUTE);
    expect(routeLabel(request(true, '/*'))).toBe(UNMATCHED_ROUTE);
    expect(routeLabel(request(false, undefined))).toBe(UNMATCHED_ROUTE);
  });
});
