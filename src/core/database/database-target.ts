import { lookup } from 'node:dns/promises';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { startStandin } from './mongo-standin.js';

/**
 * Fixed loopback ports of the persistent embedded servers, so a second Atrium process
 * (`npm run seed` next to `npm start`) shares the running one instead of opening its files twice.
 */
const EMBEDDED_MONGOD_PORT = 27027;
const EMBEDDED_STANDIN_PORT = 27028;

export type DatabaseKind = 'external' | 'embedded-mongod' | 'standin';

export interface DatabaseTarget {
  kind: DatabaseKind;
  uri: string;
  description: string;
  stop(): Promise<void>;
}

export interface ResolveOptions {
  /** MONGODB_URI, used as it is whenever set. */
  uri?: string;
  /** Where an embedded server keeps its files; omit for a throw-away in-memory server (tests). */
  dataDir?: string;
  /** Reports a fallback step (the embedded binary could not be had, …). */
  log?: (message: string) => void;
}

/**
 * MONGODB_URI when set; otherwise an embedded real mongod (mongodb-memory-server), and where
 * its binary cannot be downloaded, the mongo-java-server stand-in from Maven Central.
 */
export async function resolveDatabase(options: ResolveOptions): Promise<DatabaseTarget> {
  if (options.uri) {
    return { kind: 'external', uri: options.uri, description: 'MONGODB_URI', stop: async () => undefined };
  }
  if (options.dataDir) {
    const running = await findRunningEmbedded();
    if (running) return running;
  }
  try {
    return await startEmbeddedMongod(options.dataDir);
  } catch (error) {
    options.log?.(`embedded mongod unavailable (${firstLine(error)}); falling back to the mongo-java-server stand-in`);
  }
  const file = options.dataDir ? join(resolve(options.dataDir), 'standin', 'atrium.mv') : undefined;
  const standin = await startStandin({ file, port: file ? EMBEDDED_STANDIN_PORT : undefined });
  return {
    kind: 'standin',
    uri: standin.uri,
    description: file ? `mongo-java-server stand-in (H2 file ${file})` : 'mongo-java-server stand-in (memory)',
    stop: standin.stop,
  };
}

/**
 * mongodb-memory-server downloads mongod on first use. Where neither a binary is at hand nor the
 * download host resolves (a machine without internet), fail in milliseconds instead of after retries.
 */
async function assertMongodObtainable(): Promise<void> {
  if (process.env.MONGOMS_SYSTEM_BINARY) return;
  const cache = process.env.MONGOMS_DOWNLOAD_DIR ?? join(homedir(), '.cache', 'mongodb-binaries');
  if (existsSync(cache) && readdirSync(cache).some((name) => name.startsWith('mongod'))) return;
  const host = new URL(process.env.MONGOMS_DOWNLOAD_MIRROR ?? 'https://fastdl.mongodb.org').hostname;
  try {
    await lookup(host);
  } catch {
    throw new Error(`no cached mongod binary and ${host} cannot be reached`);
  }
}

async function findRunningEmbedded(): Promise<DatabaseTarget | undefined> {
  const candidates = [
    { port: EMBEDDED_MONGOD_PORT, kind: 'embedded-mongod' as const, label: 'embedded mongod', query: '?directConnection=true' },
    { port: EMBEDDED_STANDIN_PORT, kind: 'standin' as const, label: 'mongo-java-server stand-in', query: '' },
  ];
  for (const candidate of candidates) {
    const uri = `mongodb://127.0.0.1:${candidate.port}/${candidate.query}`;
    if (await answersPing(uri)) {
      return {
        kind: candidate.kind,
        uri,
        description: `${candidate.label} already running on port ${candidate.port}`,
        stop: async () => undefined,
      };
    }
  }
  return undefined;
}

async function answersPing(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

async function startEmbeddedMongod(dataDir?: string): Promise<DatabaseTarget> {
  await assertMongodObtainable();
  // Imported lazily: the package is only needed when no MONGODB_URI is given.
  const { MongoMemoryReplSet } = await import('mongodb-memory-server');
  const dbPath = dataDir ? resolve(dataDir, 'mongo') : undefined;
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  // A single-node replica set, so transactions and change streams behave as in production.
  // Persistent data keeps a fixed port: the replica-set config stored with it names host and port.
  const replSet = await MongoMemoryReplSet.create({
    replSet: { count: 1, storageEngine: 'wiredTiger' },
    instanceOpts: [{ dbPath, storageEngine: 'wiredTiger', port: dbPath ? EMBEDDED_MONGOD_PORT : undefined }],
  });
  return {
    kind: 'embedded-mongod',
    uri: replSet.getUri(),
    description: dbPath ? `embedded mongod (data in ${dbPath})` : 'embedded mongod (temporary)',
    stop: async () => {
      await replSet.stop({ doCleanup: !dbPath, force: false });
    },
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
}
