import { IsInt, IsString, Min, validate } from 'class-validator';
import { MaxLength } from './text-length.validators.js';
import { describe, expect, it } from 'vitest';
import { memoizeValidationMetadata } from './validation-metadata-cache.js';

class Base {
  @IsString() @MaxLength(5) name: string;
}
class Child extends Base {
  @IsInt() @Min(1) count: number;
}

const errorsOf = async (value: object) =>
  (await validate(value, { whitelist: true, forbidNonWhitelisted: true })).map((error) => [
    error.property,
    Object.keys(error.constraints ?? {}).sort(),
  ]);

const child = (fields: Partial<Child> & Record<string, unknown>) => Object.assign(new Child(), fields);

describe('memoized validation metadata', () => {
  it('finds the same rules, inherited ones included, before and after memoizing', async () => {
    const samples = [child({ name: 'toolong', count: 0 }), child({ name: 'ok', count: 2 }), child({ name: 'ok', count: 2, extra: 1 })];
    const before = await Promise.all(samples.map(errorsOf));
    memoizeValidationMetadata();
    memoizeValidationMetadata(); // twice is once
    const after = await Promise.all(samples.map(errorsOf));
    expect(after).toEqual(before);
    expect(after[0]).toEqual([
      ['count', ['min']],
      ['name', ['maxLength']],
    ]);
    expect(after[1]).toEqual([]);
    expect(after[2]).toEqual([['extra', ['whitelistValidation']]]);
  });

  it('sees a rule added after a class was first validated', async () => {
    memoizeValidationMetadata();
    class Late {
      @IsString() label: string;
    }
    expect(await errorsOf(Object.assign(new Late(), { label: 3 }))).toEqual([['label', ['isString']]]);
    // A decorator run later (a class loaded lazily adds its rules the same way).
    Min(10)(Late.prototype, 'size');
    expect(await errorsOf(Object.assign(new Late(), { label: 'x', size: 3 }))).toEqual([['size', ['min']]]);
  });
});
