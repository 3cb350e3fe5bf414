import { MongoClient, type Db } from 'mongodb';

export interface Capability {
  supported: boolean;
  /** Why not, in words a skipped test can print. */
  reason?: string;
}

export interface ServerCapabilities {
  textSearch: Capability;
  ttl: Capability;
  transactions: Capability;
}

/** Asks the server what it can do by trying each feature once in a scratch collection. */
export async function probeCapabilities(uri: string): Promise<ServerCapabilities> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  const db = client.db(`capability_probe_${process.pid}_${Date.now()}`);
  try {
    return {
      textSearch: await probe(() => probeTextSearch(db), 'the server has no full-text search ($text)'),
      ttl: await probe(() => probeTtl(client), 'the server does not expire documents by TTL index'),
      transactions: await probe(() => probeTransactions(client, db), 'the server does not support multi-document transactions'),
    };
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

async function probe(check: () => Promise<void>, reason: string): Promise<Capability> {
  try {
    await check();
    return { supported: true };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { supported: false, reason: `${reason} (${detail})` };
  }
}

async function probeTextSearch(db: Db): Promise<void> {
  const collection = db.collection('text');
  await collection.createIndex({ body: 'text' });
  await collection.insertOne({ body: 'capability probe' });
  const found = await collection.countDocuments({ $text: { $search: 'probe' } });
  if (found !== 1) throw new Error(`$text matched ${found} documents instead of 1`);
}

async function probeTtl(client: MongoClient): Promise<void> {
  // A server that expires documents runs a TTL monitor and reports it as a parameter.
  const answer = await client.db('admin').command({ getParameter: 1, ttlMonitorEnabled: 1 });
  if (answer.ttlMonitorEnabled !== true) throw new Error('ttlMonitorEnabled is not true');
}

async function probeTransactions(client: MongoClient, db: Db): Promise<void> {
  const collection = db.collection('txn');
  await collection.insertOne({ seed: true });
  const session = client.startSession();
  try {
    await session.withTransaction(async () => {
      await collection.insertOne({ inTransaction: true }, { session });
    });
  } finally {
    await session.endSession();
  }
}
