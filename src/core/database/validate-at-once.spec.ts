import mongoose, { Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { validatedAtOnce, type Validating } from './validate-at-once.js';

const Line = new Schema({ sku: { type: String, required: true } }, { _id: false });
const OrderSchema = new Schema({
  state: { type: String, enum: ['draft', 'placed'], required: true },
  code: { type: String, match: /^[A-Z]{3}$/ },
  quantity: { type: Number, min: 1, max: 10 },
  tags: [{ type: String, maxlength: 3 }],
  placedAt: Date,
  owner: Schema.Types.ObjectId,
  note: { type: String, default: null },
  lines: { type: [Line], default: [] },
  gift: { type: Line },
  even: { type: Number, validate: (value: number) => value % 2 === 0 },
});
const Order = mongoose.model('QuickValidationOrder', OrderSchema);
const validating = Order as unknown as Validating;

const owner = new mongoose.Types.ObjectId();
const valid = {
  state: 'draft',
  code: 'ABC',
  quantity: '3',
  tags: ['a', 'bc'],
  placedAt: '2026-01-02T03:04:05Z',
  owner: owner.toString(),
  even: 4,
};

describe('validating an object at once', () => {
  it.each([
    ['every kind of path, cast', valid],
    ['only the required path', { state: 'placed' }],
    ['null where a value is optional', { state: 'draft', quantity: null, code: null }],
    ['an empty array of subdocuments', { state: 'draft', lines: [] }],
  ])('%s: the cast Model.validate answers', async (_, plain) => {
    const quick = validatedAtOnce(validating, { ...plain });
    expect(quick).toBeDefined();
    expect(quick).toEqual(await Order.validate({ ...plain }));
  });

  it.each([
    ['a required path missing', { quantity: 2 }],
    ['a value out of its enum', { ...valid, state: 'paid' }],
    ['a pattern not matched', { ...valid, code: 'abc' }],
    ['a bound exceeded', { ...valid, quantity: 11 }],
    ['an array element too long', { ...valid, tags: ['abcd'] }],
    ['a custom validator refusing', { ...valid, even: 3 }],
    ['a value that does not cast', { ...valid, quantity: 'many' }],
  ])('%s: no answer, and Model.validate refuses it', async (_, plain) => {
    expect(validatedAtOnce(validating, { ...plain })).toBeUndefined();
    await expect(Order.validate({ ...plain })).rejects.toThrow();
  });

  it('leaves subdocuments, asynchronous validators and answers given as promises to Mongoose', async () => {
    expect(validatedAtOnce(validating, { ...valid, lines: [{ sku: 'a' }] })).toBeUndefined();
    expect(validatedAtOnce(validating, { ...valid, gift: { sku: 'a' } })).toBeUndefined();
    const Awaiting = mongoose.model(
      'QuickValidationAwaiting',
      new Schema({
        later: { type: String, validate: async (value: string) => value === 'yes' },
        promised: { type: String, validate: (value: string) => Promise.resolve(value === 'yes') },
      }),
    );
    const awaiting = Awaiting as unknown as Validating;
    expect(validatedAtOnce(awaiting, { later: 'yes' })).toBeUndefined();
    expect(validatedAtOnce(awaiting, { promised: 'yes' })).toBeUndefined();
    expect(validatedAtOnce(awaiting, {})).toBeDefined();
  });

  it('leaves Maps to Mongoose, and answers when they are absent', async () => {
    const Mapped = mongoose.model(
      'QuickValidationMapped',
      new Schema({ byKey: { type: Map, of: new Schema({ x: String }) }, counts: { type: Map, of: Number } }),
    );
    const mapped = Mapped as unknown as Validating;
    expect(validatedAtOnce(mapped, { byKey: { k: { x: 'b' } } })).toBeUndefined();
    expect(validatedAtOnce(mapped, { counts: { a: '1' } })).toBeUndefined();
    expect(validatedAtOnce(mapped, {})).toEqual(await Mapped.validate({}));
  });
});
