import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';

export type Constructor = abstract new (...args: never[]) => unknown;

/** One argument of a route handler as Nest binds it: where it comes from, its declared type and pipes. */
export interface RouteParam {
  source: 'body' | 'query' | 'path' | 'other';
  /** The field named in `@Body('x')`, `@Query('x')`, `@Param('x')`; undefined for the whole object. */
  name?: string;
  type?: unknown;
  pipes: unknown[];
}

interface RouteArg {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

const SOURCES: Partial<Record<number, RouteParam['source']>> = {
  [RouteParamtypes.BODY]: 'body',
  [RouteParamtypes.QUERY]: 'query',
  [RouteParamtypes.PARAM]: 'path',
};

const PRIMITIVES = new Set<unknown>([Object, String, Number, Boolean, Array, Date]);

/** A class-validator DTO (not a primitive, not `Object` for an untyped argument). */
export const isDtoClass = (type: unknown): type is Constructor => typeof type === 'function' && !PRIMITIVES.has(type);

/** The handler's arguments, read from the metadata Nest itself binds them with. */
export function routeParams(controller: Constructor, method: string): RouteParam[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, RouteArg>;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, method) ?? []) as unknown[];
  return Object.entries(args).map(([key, arg]) => ({
    source: SOURCES[Number(key.split(':')[0])] ?? 'other',
    name: typeof arg.data === 'string' ? arg.data : undefined,
    type: types[arg.index],
    pipes: arg.pipes ?? [],
  }));
}

/** The DTO class of a handler's whole `@Body()`, if it takes one. */
export function bodyDtoOf(controller: Constructor, method: string): Constructor | undefined {
  const body = routeParams(controller, method).find((param) => param.source === 'body' && param.name === undefined);
  return body && isDtoClass(body.type) ? body.type : undefined;
}
