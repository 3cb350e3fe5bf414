import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

/**
 * Decorator metadata never changes after boot, but reading it walks the class's prototype chain
 * through reflect-metadata on every call. Guards that ask on every request read it here, once per
 * route: by controller, then handler (an inherited handler may sit under another controller).
 */
const cache = new WeakMap<object, WeakMap<object, Map<string, unknown>>>();

/** What `read` answers for this request's route, computed on the route's first request. */
export function perRoute<T>(context: ExecutionContext, slot: string, read: () => T): T {
  const controller = context.getClass();
  const handler = context.getHandler();
  let byHandler = cache.get(controller);
  if (!byHandler) cache.set(controller, (byHandler = new WeakMap()));
  let values = byHandler.get(handler);
  if (!values) byHandler.set(handler, (values = new Map()));
  if (values.has(slot)) return values.get(slot) as T;
  const value = read();
  values.set(slot, value);
  return value;
}

/** `reflector.getAllAndOverride(key, [handler, controller])`, read once per route. */
export function routeMetadata<T>(reflector: Reflector, context: ExecutionContext, key: string): T | undefined {
  return perRoute(context, `route:${key}`, () =>
    reflector.getAllAndOverride<T | undefined>(key, [context.getHandler(), context.getClass()]),
  );
}

/** `reflector.get(key, handler)`: metadata set on the handler alone, read once per route. */
export function handlerMetadata<T>(reflector: Reflector, context: ExecutionContext, key: string): T | undefined {
  return perRoute(context, `handler:${key}`, () => reflector.get<T | undefined>(key, context.getHandler()));
}
