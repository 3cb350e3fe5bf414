import type { TestProject } from 'vitest/node';
import { probeCapabilities, type ServerCapabilities } from '../../src/core/database/capabilities.js';
import { resolveDatabase, type DatabaseKind } from '../../src/core/database/database-target.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    databaseKind: DatabaseKind;
    capabilities: ServerCapabilities;
  }
}

/**
 * One database server for the whole run, resolved like `npm start` does: MONGODB_URI,
 * else an embedded mongod, else the stand-in. Each test file then uses its own database on it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const target = await resolveDatabase({ uri: process.env.MONGODB_URI, log: (line) => console.warn(`[test database] ${line}`) });
  const capabilities = await probeCapabilities(target.uri);
  console.log(`[test database] ${target.description}`);
  for (const [name, capability] of Object.entries(capabilities)) {
    if (!capability.supported) console.log(`[test database] no ${name}: tests that need it are skipped (${capability.reason})`);
  }
  project.provide('mongoUri', target.uri);
  project.provide('databaseKind', target.kind);
  project.provide('capabilities', capabilities);
  return () => target.stop();
}
