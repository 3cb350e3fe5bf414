import { describe, expect, it } from 'vitest';
import { StoredFileSchema } from './stored-file.schema.js';

describe('files index declarations', () => {
  it('finds a deleted account’s files by owner and keeps one document per stored object', () => {
    expect(StoredFileSchema.indexes()).toEqual([
      [{ ownerId: 1 }, expect.objectContaining({ sparse: true })],
      [{ storageKey: 1 }, expect.objectContaining({ unique: true })],
    ]);
  });
});
