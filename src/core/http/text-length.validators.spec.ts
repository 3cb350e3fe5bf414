import { getMetadataStorage, IsString, validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { MaxLength, MinLength } from './text-length.validators.js';
import { describeRule } from './validator-schemas.js';

class Note {
  @IsString()
  @MinLength(1)
  @MaxLength(3)
  text!: string;

  @MaxLength(2, { each: true })
  tags: string[] = [];
}

const note = (text: string, tags: string[] = []) => Object.assign(new Note(), { text, tags });
const failed = (value: Note) => validateSync(value).flatMap((error) => Object.keys(error.constraints ?? {}));

describe('character length validators', () => {
  it('count characters as JSON Schema does: an emoji is one, a variation selector is one', () => {
    expect(failed(note('😀😀😀'))).toEqual([]);
    expect(failed(note('😀😀😀😀'))).toEqual(['maxLength']);
    expect(failed(note('\uFE0F'))).toEqual([]);
    expect(failed(note(''))).toEqual(['minLength']);
  });

  it('check each element when asked to', () => {
    expect(failed(note('a', ['😀😀', 'ab']))).toEqual([]);
    expect(failed(note('a', ['abc']))).toEqual(['maxLength']);
  });

  it('keep the names the API document describes', () => {
    const rules = getMetadataStorage().getTargetValidationMetadatas(Note, '', true, false);
    const text = rules.filter((rule) => rule.propertyName === 'text').map(describeRule);
    expect(text).toEqual(expect.arrayContaining([{ minLength: 1 }, { maxLength: 3 }]));
  });
});
