import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { ProblemException } from './problem.js';
import { sendProblem } from './problem.filter.js';

interface Route {
  pattern: string;
  segments: string[];
  /** Per segment: 2 static, 1 parameter, 0 wildcard; the higher the more specific. */
  rank: number[];
  methods: Set<string>;
}

/** The resource a concrete path names: its most specific route patterns, and the methods they serve. */
export interface Resource {
  patterns: Set<string>;
  methods: string[];
}

const rankOf = (segment: string) => (segment === '*' ? 0 : segment.startsWith(':') ? 1 : 2);

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function matches(route: Route, segments: string[]): boolean {
  for (let i = 0; i < route.segments.length; i++) {
    const part = route.segments[i];
    if (part === '*') return true;
    if (i >= segments.length) return false;
    if (part.startsWith(':') ? segments[i] === '' : part !== segments[i]) return false;
  }
  return route.segments.length === segments.length;
}

/** Whether some path could match both routes: no static segment of one differs from the other's at the same place. */
function overlaps(a: Route, b: Route): boolean {
  const shorter = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < shorter; i++) {
    const [x, y] = [a.segments[i], b.segments[i]];
    if (x === '*' || y === '*') return true;
    if (a.rank[i] === 2 && b.rank[i] === 2 && x !== y) return false;
  }
  // A wildcard right after the shorter one's end matches its paths too (`/api/files/*` takes `/api/files`).
  const longer = a.segments.length > b.segments.length ? a : b;
  return a.segments.length === b.segments.length || longer.segments[shorter] === '*';
}

/** Route patterns as registered (`/api/users/:id`) with the methods each serves. */
export class RouteTable {
  private readonly routes = new Map<string, Route>();
  /** Per pattern, the routes that rank above it: the only ones that can take a path it matches away from it. */
  private readonly outranking = new Map<string, Route[]>();

  add(pattern: string, methods: string[]): void {
    const segments = pattern.split('/');
    const route = this.routes.get(pattern) ?? { pattern, segments, rank: segments.map(rankOf), methods: new Set<string>() };
    for (const method of methods) route.methods.add(method.toUpperCase());
    this.routes.set(pattern, route);
    this.outranking.clear();
  }

  /**
   * Whether a path that `pattern` matched is its resource, asked on every request to a parametric route:
   * only the few routes that outrank the pattern are tried, not the whole table.
   */
  ownsPath(pattern: string, path: string): boolean {
    let above = this.outranking.get(pattern);
    if (above === undefined) {
      const own = this.routes.get(pattern);
      // Most of the table outranks a parametric route; only those that share a path with it can take one away.
      above = own ? [...this.routes.values()].filter((route) => compare(route.rank, own.rank) > 0 && overlaps(route, own)) : [];
      this.outranking.set(pattern, above);
    }
    if (above.length === 0) return true;
    const segments = path.split('/');
    return !above.some((route) => matches(route, segments));
  }

  /**
   * A static segment names its own resource: `/api/notifications/read-all` is not an `{id}` of
   * `/api/notifications/{id}` (ids are hex), so only the most specific matching patterns count.
   */
  resourceAt(path: string): Resource | undefined {
    const segments = path.split('/');
    let best: Route[] = [];
    for (const route of this.routes.values()) {
      if (!matches(route, segments)) continue;
      const order = best.length === 0 ? 1 : compare(route.rank, best[0].rank);
      if (order > 0) best = [route];
      else if (order === 0) best.push(route);
    }
    if (best.length === 0) return undefined;
    return {
      patterns: new Set(best.map((route) => route.pattern)),
      methods: [...new Set(best.flatMap((route) => [...route.methods]))].sort(),
    };
  }
}

/**
 * A known resource asked with a method it does not serve is answered 405 with `Allow` (RFC 9110), not
 * 404, nor a malformed-id 400 from a parametric neighbour. Decided on request, before any body is read;
 * call before the routes are registered.
 */
export function answerUnservedMethods(fastify: FastifyInstance): void {
  const table = new RouteTable();
  fastify.addHook('onRoute', (route) => table.add(route.url, [route.method].flat()));
  fastify.addHook('onRequest', (request, reply, done) => {
    const matched = request.is404 ? undefined : request.routeOptions.url;
    // A fully static route is always the most specific match.
    if (matched !== undefined && !matched.includes(':') && !matched.includes('*')) return done();
    const path = request.url.split('?')[0];
    if (matched !== undefined && table.ownsPath(matched, path)) return done();
    const resource = table.resourceAt(path);
    if (!resource || (matched !== undefined && resource.patterns.has(matched))) return done();
    reply.header('Allow', resource.methods.join(', '));
    sendProblem(
      new ProblemException(
        HttpStatus.METHOD_NOT_ALLOWED,
        'method-not-allowed',
        'Method not allowed',
        `${request.method} is not served here; allowed: ${resource.methods.join(', ')}.`,
      ),
      request,
      reply,
    );
  });
}
