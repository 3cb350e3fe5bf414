import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Constructor } from './route-params.js';

export interface Handler {
  controller: Constructor;
  method: string;
}

/** The operationId of a handler in the document: `Users_updateMe` for UsersController.updateMe. */
export const operationIdOf = (controller: string, method: string) => `${controller.replace(/Controller$/, '')}_${method}`;

/** Every controller method by the operationId the document gives it, to read the metadata Nest binds it with. */
export function handlersByOperationId(app: INestApplication): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  const scanner = new MetadataScanner();
  for (const wrapper of app.get(DiscoveryService, { strict: false }).getControllers()) {
    const controller = wrapper.metatype as Constructor | null;
    if (!controller) continue;
    for (const method of scanner.getAllMethodNames(controller.prototype as object)) {
      handlers.set(operationIdOf(controller.name, method), { controller, method });
    }
  }
  return handlers;
}
