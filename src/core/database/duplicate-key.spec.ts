import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { duplicateKeyFields, isDuplicateKey, isDuplicateKeyOn } from './duplicate-key.js';

const message = (index: string, dupKey: string) =>
  `E11000 duplicate key error collection: atrium.invoices index: ${index} dup key: ${dupKey}`;

/** As MongoDB answers: keyPattern and keyValue beside the message. */
const mongodbError = new MongoServerError({
  message: message('number_1', '{ number: "INV-2026-000001" }'),
  errmsg: message('number_1', '{ number: "INV-2026-000001" }'),
  code: 11000,
  keyPattern: { number: 1 },
  keyValue: { number: 'INV-2026-000001' },
});

/** As the test stand-in answers: the message alone. */
const standinError = (index: string, dupKey: string) =>
  new MongoServerError({ message: message(index, dupKey), errmsg: message(index, dupKey), code: 11000 });

describe('duplicate-key errors', () => {
  it('names the fields from keyPattern when the server sends it', () => {
    expect(duplicateKeyFields(mongodbError)).toEqual(['number']);
    expect(isDuplicateKeyOn(mongodbError, ['number'])).toBe(true);
    expect(isDuplicateKeyOn(mongodbError, ['sourceTransactionId'])).toBe(false);
  });

  it('names the fields from the message when that is all there is', () => {
    const compound = standinError('provider_1_eventId_1', '{ provider: "stripe", eventId: "evt_1" }');
    expect(duplicateKeyFields(compound)).toEqual(['provider', 'eventId']);
    expect(isDuplicateKeyOn(compound, ['eventId', 'provider'])).toBe(true);
    expect(isDuplicateKeyOn(compound, ['eventId'])).toBe(false);
    expect(duplicateKeyFields(standinError('sourceTransactionId_1', "{ sourceTransactionId: ObjectId('6b0f') }"))).toEqual([
      'sourceTransactionId',
    ]);
  });

  it('is not fooled by a value that looks like another field', () => {
    const tricky = standinError('number_1', '{ number: "INV, sourceTransactionId: x \\" y: z" }');
    expect(duplicateKeyFields(tricky)).toEqual(['number']);
  });

  it('falls back to the index name, with fields that contain underscores and descending keys', () => {
    const named = new MongoServerError({ message: 'E11000 duplicate key error index: user_id_1_created_at_-1', code: 11000 });
    expect(duplicateKeyFields(named)).toEqual(['user_id', 'created_at']);
  });

  it('tells other errors apart', () => {
    const other = new MongoServerError({ message: 'not primary', code: 10107 });
    expect(isDuplicateKey(other)).toBe(false);
    expect(duplicateKeyFields(other)).toBeUndefined();
    expect(isDuplicateKeyOn(other, ['number'])).toBe(false);
    expect(isDuplicateKeyOn(new Error('E11000 in a message alone'), ['number'])).toBe(false);
  });
});
