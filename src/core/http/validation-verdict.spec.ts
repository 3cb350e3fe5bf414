import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  registerDecorator,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  validate,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { describe, expect, it } from 'vitest';
import { applicationDtos, samplesOf } from '../../../test/support/dto-samples.js';
import { memoizeValidationMetadata } from './validation-metadata-cache.js';
import { ValidationVerdict } from './validation-verdict.js';

const OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

@ValidatorConstraint({ name: 'even' })
class Even implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'number' && value % 2 === 0;
  }
}

function EventuallyTrue() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'eventuallyTrue',
      target: target.constructor,
      propertyName,
      async: true,
      validator: { validate: async (value) => value === true },
    });
}

class Line {
  @IsString() sku: string;
  @IsInt() @Min(1) quantity: number;
}

class Order {
  @IsIn(['draft', 'placed']) state: string;
  @IsOptional() @IsString({ each: true }) @ArrayMaxSize(3) tags?: string[];
  @ValidateNested({ each: true }) @Type(() => Line) lines: Line[];
  @IsOptional() @ValidateNested() @Type(() => Line) gift?: Line;
  @ValidateIf((order: Order) => order.state === 'placed') @IsString() placedBy?: string;
  @IsOptional() @Validate(Even) @Max(100) even?: number;
  @IsDefined() note: unknown;
}

class Confirmation {
  @EventuallyTrue() confirmed: boolean;
}

const verdict = new ValidationVerdict();
memoizeValidationMetadata();

async function judge(type: new () => object, plain: unknown): Promise<{ verdict: boolean; classValidator: boolean }> {
  const entity = plainToInstance(type, plain) as object;
  return { verdict: verdict.passes(entity), classValidator: (await validate(entity, OPTIONS)).length === 0 };
}

const line = { sku: 'a', quantity: 1 };
const order = { state: 'draft', lines: [line], note: 'n' };

describe('the validation verdict', () => {
  it.each([
    ['a valid order', order, true],
    ['optional fields present and valid', { ...order, tags: ['x', 'y'], gift: line, even: 4 }, true],
    ['a field the class does not know', { ...order, extra: 1 }, false],
    ['an undefined required field', { ...order, note: undefined }, false],
    ['a null required field', { ...order, note: null }, false],
    ['an enum value out of its set', { ...order, state: 'paid' }, false],
    ['an each rule on one bad element', { ...order, tags: ['x', 2] }, false],
    ['too many elements', { ...order, tags: ['a', 'b', 'c', 'd'] }, false],
    ['a bad line deep in the array', { ...order, lines: [line, { sku: 'b', quantity: 0 }] }, false],
    ['a line with an unknown field', { ...order, lines: [{ ...line, colour: 'red' }] }, false],
    ['a primitive where a nested object goes', { ...order, gift: 'yes' }, false],
    ['null where a nested object goes (optional, so skipped)', { ...order, gift: null }, true],
    ['an array of primitives where objects go', { ...order, lines: [1] }, false],
    ['a conditional rule whose condition holds', { ...order, state: 'placed' }, false],
    ['a conditional rule met', { ...order, state: 'placed', placedBy: 'ann' }, true],
    ['a custom constraint class refusing', { ...order, even: 3 }, false],
    ['a custom constraint class met and a bound exceeded', { ...order, even: 102 }, false],
    ['a custom constraint class and a bound both met', { ...order, even: 98 }, true],
  ])('%s: the same answer as class-validator', async (_, plain, valid) => {
    expect(await judge(Order, plain)).toEqual({ verdict: valid, classValidator: valid });
  });

  it('leaves an asynchronous rule to class-validator', async () => {
    expect(await judge(Confirmation, { confirmed: true })).toEqual({ verdict: false, classValidator: true });
    expect(await judge(Confirmation, { confirmed: false })).toEqual({ verdict: false, classValidator: false });
  });

  it('sees a rule added after a class was first judged', () => {
    class Late {
      @IsString() label: string;
    }
    expect(verdict.passes(Object.assign(new Late(), { label: 'x' }))).toBe(true);
    Min(10)(Late.prototype, 'size');
    expect(verdict.passes(Object.assign(new Late(), { label: 'x', size: 3 }))).toBe(false);
    expect(verdict.passes(Object.assign(new Late(), { label: 'x', size: 11 }))).toBe(true);
  });

  it('refuses a value of a class without rules, and options it does not reproduce', () => {
    class Bare {}
    expect(verdict.passes(new Bare())).toBe(false);
    expect(ValidationVerdict.covers(OPTIONS)).toBe(true);
    expect(ValidationVerdict.covers({ ...OPTIONS, forbidNonWhitelisted: false })).toBe(false);
    expect(ValidationVerdict.covers({ ...OPTIONS, groups: ['admin'] })).toBe(false);
    expect(ValidationVerdict.covers({ ...OPTIONS, skipMissingProperties: true })).toBe(false);
  });
});

describe('the validation verdict on every DTO of the application', () => {
  const classes = applicationDtos();

  it('loads the DTOs', () => {
    expect(classes.length).toBeGreaterThan(80);
  });

  it('agrees with class-validator on 150 inputs per class, valid and invalid ones', async () => {
    let passed = 0;
    let refused = 0;
    for (const [index, type] of classes.entries()) {
      for (const plain of samplesOf(type, index + 1, 150)) {
        const answer = await judge(type, plain);
        expect({ type: type.name, plain, ...answer }).toEqual({
          type: type.name,
          plain,
          verdict: answer.classValidator,
          classValidator: answer.classValidator,
        });
        if (answer.classValidator) passed++;
        else refused++;
      }
    }
    // Both answers were tested often.
    expect(passed).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(500);
  });
});
