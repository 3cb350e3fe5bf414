import { MongoClient, type Collection } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Counters, reservations and claims rely on single-document atomicity, which every server this
// suite runs on must give: real MongoDB does, and the stand-in must not hand out one result twice.
interface Counter {
  _id: string;
  n?: number;
  v?: number;
  left?: number;
}

const CONCURRENCY = 500;
const ROUNDS = 5;

describe('single-document atomicity under concurrency', () => {
  let client: MongoClient;
  let counters: Collection<Counter>;
  beforeAll(async () => {
    // A wide pool so the operations really arrive at the server side by side.
    client = await new MongoClient(process.env.MONGODB_URI ?? '', { maxPoolSize: 200 }).connect();
    counters = client.db().collection<Counter>('counters');
  });
  afterAll(async () => {
    await client?.db().dropDatabase();
    await client?.close();
  });

  it('gives 500 concurrent $inc upserts through findOneAndUpdate 500 distinct results', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const _id = `invoice-${round}`;
      const results = await Promise.all(
        Array.from({ length: CONCURRENCY }, () =>
          counters.findOneAndUpdate({ _id }, { $inc: { n: 1 } }, { upsert: true, returnDocument: 'after' }),
        ),
      );
      const values = results.map((document) => document?.n);
      expect(new Set(values).size).toBe(CONCURRENCY);
      expect(Math.max(...values.map(Number))).toBe(CONCURRENCY);
      expect((await counters.findOne({ _id }))?.n).toBe(CONCURRENCY);
    }
  });

  it('lets exactly one of many concurrent conditional updates win each value', async () => {
    const _id = 'claim';
    await counters.insertOne({ _id, v: 0 });
    for (let value = 0; value < ROUNDS * 4; value++) {
      const results = await Promise.all(
        Array.from({ length: CONCURRENCY / 5 }, () => counters.updateOne({ _id, v: value }, { $inc: { v: 1 } })),
      );
      expect(results.filter((result) => result.modifiedCount === 1)).toHaveLength(1);
    }
    expect((await counters.findOne({ _id }))?.v).toBe(ROUNDS * 4);
  });

  it('never reserves more than is left and hands each reservation its own remaining count', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const _id = `stock-${round}`;
      await counters.insertOne({ _id, left: 100 });
      const results = await Promise.all(
        Array.from({ length: CONCURRENCY }, () =>
          counters.findOneAndUpdate({ _id, left: { $gte: 1 } }, { $inc: { left: -1 } }, { returnDocument: 'after' }),
        ),
      );
      const won = results.filter((document) => document !== null).map((document) => document.left);
      expect(won).toHaveLength(100);
      expect(new Set(won).size).toBe(100);
      expect((await counters.findOne({ _id }))?.left).toBe(0);
    }
  });
});
