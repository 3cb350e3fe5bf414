import { MongoClient, ObjectId, type Collection, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Queries that pin a unique index's keys among other conditions. The stand-in serves them from the index
 * (as MongoDB does) instead of scanning; these answers must be the ones a scan gives, on any server.
 */
describe('queries pinning a unique key among other conditions', () => {
  let client: MongoClient;
  let events: Collection<Document>;
  let users: Collection<Document>;

  beforeAll(async () => {
    client = await new MongoClient(process.env.MONGODB_URI!).connect();
    events = client.db().collection('pinned_events');
    users = client.db().collection('pinned_users');
    await events.createIndex({ provider: 1, eventId: 1 }, { unique: true });
    await events.createIndex({ claimId: 1 }, { unique: true, sparse: true });
  });
  afterAll(async () => {
    await client
      .db()
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
  });

  it('an _id with a condition finds the document only while the condition holds, and updates only then', async () => {
    const _id = new ObjectId();
    await users.insertMany([{ _id, status: 'active', n: 1 }, ...Array.from({ length: 20 }, (_, n) => ({ status: 'active', n }))]);

    expect(await users.findOne({ _id, status: 'active' })).toMatchObject({ _id, n: 1 });
    expect(await users.findOne({ _id, status: 'deleted' })).toBeNull();
    expect((await users.updateOne({ _id, status: 'deleted' }, { $set: { n: 99 } })).matchedCount).toBe(0);
    expect((await users.updateOne({ _id, status: 'active' }, { $set: { status: 'deleted' } })).modifiedCount).toBe(1);
    expect(await users.countDocuments({ status: 'active' })).toBe(20);
    expect(await users.findOne({ _id, $or: [{ status: 'active' }, { n: 1 }] })).toMatchObject({ status: 'deleted' });
    // Operators on the key itself are not a pin, and still answer as a scan does.
    expect(await users.countDocuments({ _id: { $in: [_id, new ObjectId()] }, status: 'deleted' })).toBe(1);
  });

  it('an element of an array is claimed by _id and $elemMatch, with array filters, once', async () => {
    const _id = new ObjectId();
    await users.insertOne({
      _id,
      effects: [
        { key: 'a', state: 'pending' },
        { key: 'b', state: 'pending' },
      ],
    });
    const claim = () =>
      users.findOneAndUpdate(
        { _id, effects: { $elemMatch: { key: 'b', state: 'pending' } } },
        { $set: { 'effects.$[e].state': 'running' } },
        { arrayFilters: [{ 'e.key': 'b' }], returnDocument: 'after' },
      );
    expect((await claim())?.effects).toEqual([
      { key: 'a', state: 'pending' },
      { key: 'b', state: 'running' },
    ]);
    expect(await claim()).toBeNull();
  });

  it('a compound unique key with a claim, and a sparse one alone, match only the current holder', async () => {
    await events.insertMany([
      { provider: 'stripe', eventId: 'evt_1', claimId: 'first', outcome: 'processing' },
      { provider: 'stripe', eventId: 'evt_2', outcome: 'received' },
      { provider: 'vapi', eventId: 'evt_1', claimId: 'other', outcome: 'processing' },
    ]);

    expect(
      (await events.updateOne({ provider: 'stripe', eventId: 'evt_1', claimId: 'stale' }, { $set: { outcome: 'x' } })).matchedCount,
    ).toBe(0);
    expect((await events.updateOne({ claimId: 'first', outcome: 'processing' }, { $set: { outcome: 'processed' } })).matchedCount).toBe(1);
    expect(await events.findOne({ provider: 'stripe', eventId: 'evt_1', outcome: 'processed' })).toMatchObject({ claimId: 'first' });
    // A null is no pin: it matches the documents without the key, as on MongoDB.
    expect(await events.find({ claimId: null, provider: 'stripe' }).toArray()).toMatchObject([{ eventId: 'evt_2' }]);
    expect(await events.countDocuments({ provider: 'vapi', eventId: 'evt_1', claimId: 'other' })).toBe(1);
  });
});
