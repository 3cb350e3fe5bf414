import { Mongoose, Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { characterLengths } from './character-lengths.js';

// Twenty characters, forty UTF-16 units: each of these emoji lies outside the Basic Multilingual Plane.
const emoji = (count: number) => '😀'.repeat(count);

function compile() {
  const mongoose = new Mongoose();
  mongoose.plugin(characterLengths);
  const Address = new Schema({ postalCode: { type: String, maxlength: 20 } }, { _id: false });
  const Thing = new Schema({
    title: { type: String, minlength: 2, maxlength: 20 },
    tags: [{ type: String, maxlength: 3 }],
    address: Address,
    addresses: [Address],
  });
  return mongoose.model('CharacterLengthThing', Thing);
}

describe('characterLengths plugin', () => {
  const Thing = compile();
  const errorsOf = async (value: Record<string, unknown>) => {
    const error = await new Thing(value).validate().catch((failure: { errors?: Record<string, unknown> }) => failure);
    return Object.keys(error?.errors ?? {});
  };

  it('counts characters on a plain path, not UTF-16 units', async () => {
    expect(await errorsOf({ title: emoji(20) })).toEqual([]);
    expect(await errorsOf({ title: emoji(21) })).toEqual(['title']);
    expect(await errorsOf({ title: 'a'.repeat(21) })).toEqual(['title']);
    // One emoji is two units but one character: too short for a minimum of two.
    expect(await errorsOf({ title: emoji(1) })).toEqual(['title']);
    expect(await errorsOf({ title: emoji(2) })).toEqual([]);
  });

  it('counts characters in each element of a string array', async () => {
    expect(await errorsOf({ tags: [emoji(3), 'abc'] })).toEqual([]);
    expect(await errorsOf({ tags: ['ok', emoji(4)] })).toEqual(['tags.1']);
  });

  it('reaches single and arrayed subdocuments', async () => {
    expect(await errorsOf({ address: { postalCode: emoji(20) }, addresses: [{ postalCode: emoji(20) }] })).toEqual([]);
    expect(await errorsOf({ address: { postalCode: emoji(21) } })).toEqual(['address.postalCode']);
    expect(await errorsOf({ addresses: [{ postalCode: 'x' }, { postalCode: emoji(21) }] })).toEqual(['addresses.1.postalCode']);
  });

  it('leaves missing and null values to the required rule', async () => {
    expect(await errorsOf({ title: null })).toEqual([]);
    expect(await errorsOf({})).toEqual([]);
  });
});
