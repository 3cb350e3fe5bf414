import mongoose, { Schema, type Model } from 'mongoose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertLean } from './insert-lean.js';
import { crossCheckInserts } from './validate-at-once.js';

const Entry = new Schema({ from: { type: String, enum: ['a', 'b', null] }, to: { type: String, required: true } }, { _id: false });
const Note = new Schema({
  body: { type: String, required: true, maxlength: 5 },
  // Reads its own element, as it would on a subdocument.
  by: {
    type: String,
    required(this: { body?: string }) {
      return this.body === 'sig';
    },
  },
});
const Thing = new Schema(
  {
    name: { type: String, required: true, maxlength: 10 },
    count: { type: Number, default: 0, min: 0 },
    owner: { type: Schema.Types.ObjectId },
    closedAt: { type: Date },
    profile: { nick: String, note: String },
    history: { type: [Entry], default: [] },
    notes: { type: [Note], default: [] },
  },
  { timestamps: true },
);
// Typed loosely: the test hands insertLean unknown fields and wrong values on purpose.
const model = mongoose.model('InsertLeanThing', Thing) as unknown as Model<Record<string, unknown>>;

function captured() {
  const insertOne = vi
    .spyOn(model.collection, 'insertOne')
    .mockResolvedValue({ acknowledged: true, insertedId: new mongoose.Types.ObjectId() });
  return () => insertOne.mock.calls[0][0] as Record<string, unknown>;
}

describe('insertLean', () => {
  it('stores what create() would: cast values, defaults, timestamps, an id, explicit nulls, no unknown fields', async () => {
    const stored = captured();
    const owner = new mongoose.Types.ObjectId();
    const answer = await insertLean(model, {
      name: 'first',
      owner: owner.toHexString(),
      closedAt: null,
      profile: { nick: 'n', note: null },
      history: [{ from: null, to: 'a' }],
      extra: 'dropped',
      note: undefined,
    } as never);
    const doc = stored();
    expect(doc).toBe(answer);
    expect(doc._id).toBeInstanceOf(mongoose.Types.ObjectId);
    expect(doc.owner).toEqual(owner);
    expect(doc).toMatchObject({
      name: 'first',
      count: 0,
      closedAt: null,
      profile: { nick: 'n', note: null },
      history: [{ from: null, to: 'a' }],
      __v: 0,
    });
    expect(doc.createdAt).toBeInstanceOf(Date);
    expect(doc.updatedAt).toEqual(doc.createdAt);
    expect(doc).not.toHaveProperty('extra');
  });

  it('refuses what validation refuses, and writes nothing', async () => {
    const insertOne = vi.spyOn(model.collection, 'insertOne');
    insertOne.mockClear();
    await expect(insertLean(model, { name: 'far too long a name', count: -1 })).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(insertLean(model, { history: [{ from: 'c', to: 'a' }] } as never)).rejects.toMatchObject({ name: 'ValidationError' });
    expect(insertOne).not.toHaveBeenCalled();
  });

  it('casts and validates each element of an array of subdocuments as create() does, with its own id', async () => {
    const stored = captured();
    await insertLean(model, { name: 'notes', notes: [{ body: 'hi' }, { body: 'sig', by: 'ann' }] });
    const doc = stored();
    const expected = new model({ name: 'notes', notes: [{ body: 'hi' }, { body: 'sig', by: 'ann' }] }).toObject() as Record<
      string,
      unknown
    >;
    const notes = doc.notes as Record<string, unknown>[];
    expect(notes).toHaveLength(2);
    expect(notes[0]._id).toBeInstanceOf(mongoose.Types.ObjectId);
    expect(notes.map(({ _id, ...rest }) => rest)).toEqual((expected.notes as Record<string, unknown>[]).map(({ _id, ...rest }) => rest));
  });

  it('names the element and field of a refused subdocument, with every other refusal, and writes nothing', async () => {
    const insertOne = vi.spyOn(model.collection, 'insertOne');
    insertOne.mockClear();
    const refused = insertLean(model, { count: -1, notes: [{ body: 'ok' }, { body: 'sig' }, { body: 'far too long' }] });
    const error = (await refused.catch((caught: unknown) => caught)) as { name: string; errors: Record<string, unknown> };
    expect(error.name).toBe('ValidationError');
    expect(Object.keys(error.errors).sort()).toEqual(['count', 'name', 'notes.1.by', 'notes.2.body']);
    await expect(insertLean(model, { name: 'x', notes: ['not an object'] } as never)).rejects.toThrow();
    expect(insertOne).not.toHaveBeenCalled();
  });

  describe('cross-checked against Model.validate', () => {
    let answers: boolean[] = [];
    // Answers as told, then yes: a rule that changes its mind, as one reading the clock may.
    const Fickle = new Schema({ word: { type: String, validate: () => answers.shift() ?? true } });
    const fickle = mongoose.model('InsertLeanFickle', Fickle) as unknown as Model<Record<string, unknown>>;
    beforeEach(() => crossCheckInserts(true));
    afterEach(() => crossCheckInserts(false));

    it('stores what both validations pass, array elements included', async () => {
      const stored = captured();
      await insertLean(model, { name: 'both', notes: [{ body: 'sig', by: 'ann' }] });
      expect((stored().notes as { by: string }[])[0].by).toBe('ann');
    });

    it('fails loudly when the quick validation passes what Mongoose refuses', async () => {
      const insertOne = vi.spyOn(fickle.collection, 'insertOne');
      answers = [true, false, true];
      await expect(insertLean(fickle, { word: 'a' })).rejects.toThrow(/passed what is refused by Mongoose/);
      expect(insertOne).not.toHaveBeenCalled();
    });

    it("gives Mongoose's refusal when the rule changed its mind for both", async () => {
      answers = [true, false, false];
      await expect(insertLean(fickle, { word: 'a' })).rejects.toMatchObject({ name: 'ValidationError' });
    });
  });
});
