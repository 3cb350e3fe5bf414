import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

/**
 * Decorator metadata never changes after boot, but reading it walks the class's prototype chain
 * through reflect-metadata on every call. Guards that ask on every request read it here, once per
 * route: by controller, then handler (an inherited handler may sit under another controller).
 */
const cache = new WeakMap<object, WeakMap<object, Map<unknown, unknown>>>();

/** What `read` answers for this request's route, computed on the route's first request; `slot` names it (a constant). */
export function perRoute<T>(context: ExecutionContext, slot: unknown, read: () => T): T {
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

/** `reflector.getAllAndOverride(key, [handler, controller])`, read once per route (the key is its slot). */
export function routeMetadata<T>(reflector: Reflector, context: ExecutionContext, key: string): T | undefined {
  return perRoute(context, key, () => reflector.getAllAndOverride<T | undefined>(key, [context.getHandler(), context.getClass()]));
}

/** The handler-only reading of a key has a slot of its own, made once per key rather than per request. */
const handlerSlots = new Map<string, symbol>();

/** `reflector.get(key, handler)`: metadata set on the handler alone, read once per route. */
export function handlerMetadata<T>(reflector: Reflector, context: ExecutionContext, key: string): T | undefined {
  let slot = handlerSlots.get(key);
  if (!slot) handlerSlots.set(key, (slot = Symbol(key)));
  return perRoute(context, slot, () => reflector.get<T | undefined>(key, context.getHandler()));
}
