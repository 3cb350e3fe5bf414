import { inject, type TestContext } from 'vitest';
import type { ServerCapabilities } from '../../src/core/database/capabilities.js';

/** Skips the running test, with the server's reason, when the database lacks a feature. */
export function requireCapability(context: TestContext, name: keyof ServerCapabilities): void {
  const capability = inject('capabilities')[name];
  if (!capability.supported) context.skip(capability.reason);
}
