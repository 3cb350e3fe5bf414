import mongoose, { Schema, trusted, type Connection, type Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countLean, findLean, findOneLean, findWithTotal } from '../../../src/core/database/lean-reads.js';

interface Account {
  _id: mongoose.Types.ObjectId;
  name: string;
  ownerId: mongoose.Types.ObjectId;
  rank: number;
  joinedAt: Date;
  secret: string;
  profile?: { city?: string };
  meta?: unknown;
}

const AccountSchema = new Schema<Account>(
  {
    name: { type: String, required: true },
    ownerId: { type: Schema.Types.ObjectId, required: true },
    rank: { type: Number, required: true },
    joinedAt: { type: Date, required: true },
    secret: { type: String, select: false },
    profile: { city: String },
    meta: { type: Schema.Types.Mixed },
  },
  { timestamps: true },
);

/** A model whose reads carry query middleware: these must keep running through Mongoose. */
const GuardedSchema = new Schema({ tenantId: String, name: String });
for (const operation of ['find', 'findOne', 'countDocuments'] as const) {
  GuardedSchema.pre(operation, function (this: mongoose.Query<unknown, unknown>) {
    if (!this.getFilter().tenantId) throw new Error(`${operation} without a tenant`);
  });
}

/**
 * The lean reads skip Mongoose's query objects but must answer what `.lean()` queries answer, with the same
 * sanitizing, casting and hidden paths, on every server kind.
 */
describe('lean reads through the driver', () => {
  let connection: Connection;
  let accounts: Model<Account>;
  let guarded: Model<{ tenantId?: string | null; name?: string | null }>;
  const owner = new mongoose.Types.ObjectId();

  beforeAll(async () => {
    // As the application sets them (database.module.ts).
    mongoose.set('sanitizeFilter', true);
    mongoose.set('strictQuery', true);
    connection = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName: `lean_reads_${process.pid}` }).asPromise();
    accounts = connection.model('LeanReadAccount', AccountSchema);
    guarded = connection.model('LeanReadGuarded', GuardedSchema);
    await accounts.insertMany(
      Array.from({ length: 12 }, (_, n) => ({
        name: `account ${n}`,
        ownerId: n % 2 === 0 ? owner : new mongoose.Types.ObjectId(),
        rank: n % 4,
        joinedAt: new Date(Date.UTC(2026, 0, n + 1)),
        secret: `secret ${n}`,
        profile: { city: n % 3 === 0 ? 'Lyon' : 'Oslo' },
        meta: { n },
      })),
    );
    await guarded.insertMany([
      { tenantId: 't1', name: 'a' },
      { tenantId: 't2', name: 'b' },
    ]);
  });
  afterAll(async () => {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  });

  it('finds one as findOne().lean() does: ids cast from strings, hidden paths left out, projections kept', async () => {
    const first = await accounts.findOne({ name: 'account 0' }).lean<Account>();
    const byString = await findOneLean(accounts, { _id: first!._id.toHexString() });
    expect(byString).toEqual(first);
    expect(byString).not.toHaveProperty('secret');
    expect(await findOneLean(accounts, { _id: first!._id }, { name: 1 })).toEqual({ _id: first!._id, name: 'account 0' });
    expect(await findOneLean(accounts, { _id: first!._id }, { profile: 0 })).not.toHaveProperty('profile');
    expect(await findOneLean(accounts, { _id: first!._id }, { profile: 0 })).not.toHaveProperty('secret');
    expect(await findOneLean(accounts, { name: 'nobody' })).toBeNull();
  });

  it('lists and counts as find().lean() and countDocuments() do, with the same sort, skip and limit', async () => {
    const filter = { ownerId: owner.toHexString(), joinedAt: trusted({ $gte: new Date(Date.UTC(2026, 0, 3)) }) };
    const sort = { rank: -1, _id: 1 } as const;
    const expected = await accounts.find(filter).sort(sort).skip(1).limit(3).lean<Account[]>();
    expect(expected).toHaveLength(3);
    expect(await findLean(accounts, filter, { sort, skip: 1, limit: 3 })).toEqual(expected);
    expect(await countLean(accounts, filter)).toBe(await accounts.countDocuments(filter));
    expect(await countLean(accounts, filter)).toBe(5);
    expect(await findWithTotal(accounts, filter, { sort, skip: 1, limit: 3 })).toEqual([expected, 5]);
    expect(await countLean(accounts, { 'profile.city': 'Lyon' })).toBe(4);
  });

  it('sanitizes as every query does: an operator nobody marked trusted is a value to match, not an operator', async () => {
    // Wrapped in $eq, it is a value a string path cannot hold: refused as Mongoose refuses it.
    const injected = { name: { $ne: 'nobody' } } as never;
    await expect(accounts.findOne(injected).lean()).rejects.toMatchObject({ name: 'CastError' });
    await expect(findOneLean(accounts, injected)).rejects.toMatchObject({ name: 'CastError' });
    await expect(countLean(accounts, injected)).rejects.toMatchObject({ name: 'CastError' });
    // On a path of any type, it matches nothing rather than everything.
    const loose = { meta: { $exists: true } } as never;
    expect(await accounts.countDocuments(loose)).toBe(0);
    expect(await countLean(accounts, loose)).toBe(0);
    expect(await countLean(accounts, { meta: trusted({ $exists: true }) })).toBe(12);
    expect(await countLean(accounts, { name: trusted({ $ne: 'nobody' }) })).toBe(12);
    // strictQuery: a path outside the schema is dropped, as Mongoose drops it.
    expect(await countLean(accounts, { notInSchema: 'x' } as never)).toBe(12);
    await expect(findOneLean(accounts, { _id: 'not an id' } as never)).rejects.toMatchObject({ name: 'CastError' });
  });

  it("leaves the caller's filter as it was, so one filter serves the list and its count", async () => {
    const filter = { ownerId: owner.toHexString(), rank: trusted({ $in: [0, 2] }) };
    const before = JSON.stringify(filter);
    await findLean(accounts, filter);
    await countLean(accounts, filter);
    expect(JSON.stringify(filter)).toBe(before);
    expect(typeof filter.ownerId).toBe('string');
    expect(await countLean(accounts, filter)).toBe(6);
  });

  it('keeps a model with query middleware on Mongoose, so its guard still runs', async () => {
    await expect(findOneLean(guarded, { name: 'a' })).rejects.toThrow('findOne without a tenant');
    await expect(findLean(guarded, { name: 'a' })).rejects.toThrow('find without a tenant');
    await expect(countLean(guarded, { name: 'a' })).rejects.toThrow('countDocuments without a tenant');
    await expect(findWithTotal(guarded, { name: 'a' }, {})).rejects.toThrow('without a tenant');
    expect(await findWithTotal(guarded, { tenantId: 't1' }, {})).toEqual([[expect.objectContaining({ name: 'a' })], 1]);
    expect(await findOneLean(guarded, { tenantId: 't1' })).toMatchObject({ name: 'a' });
    expect(await countLean(guarded, { tenantId: 't2' })).toBe(1);
  });
});
