import { getMetadataStorage, validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { NotBlank } from './not-blank.validator.js';
import { describeRule } from './validator-schemas.js';

class Post {
  @NotBlank()
  title = 'x';

  @NotBlank({ each: true })
  labels: string[] = [];
}

const errors = (fields: Partial<Post>) =>
  validateSync(Object.assign(new Post(), fields)).flatMap((error) => Object.values(error.constraints ?? {}));

describe('NotBlank', () => {
  it('refuses text of spaces alone, whichever spaces, and keeps text with spaces around it', () => {
    for (const title of [' ', '\t\n ', '\u00a0', '\u2028\ufeff', ''])
      expect(errors({ title }), JSON.stringify(title)).toEqual(['title must not be blank']);
    expect(errors({ title: '  a  ' })).toEqual([]);
  });

  it('checks each element when asked to, and says so', () => {
    expect(errors({ labels: ['a', ' b '] })).toEqual([]);
    expect(errors({ labels: ['a', '  '] })).toEqual(['each of labels must not be blank']);
  });

  it('is described to the API document as the pattern it applies', () => {
    const [rule] = getMetadataStorage()
      .getTargetValidationMetadatas(Post, '', true, false)
      .filter((entry) => entry.propertyName === 'title');
    const pattern = new RegExp(describeRule(rule)!.pattern as string);
    expect([pattern.test(' \t\u00a0'), pattern.test(' a ')]).toEqual([false, true]);
  });
});
