import { Exclude, plainToInstance, Transform, Type } from 'class-transformer';
import { describe, expect, it } from 'vitest';
import { applicationDtos, samplesOf } from '../../../test/support/dto-samples.js';
import { buildDirectly, NOT_BUILT, plainToDto, sameBuild } from './plain-to-dto.js';

class Line {
  sku: string;
  quantity: number;
  get total(): number {
    return this.quantity;
  }
  describe(): string {
    return this.sku;
  }
}

class Order {
  state = 'draft';
  @Type(() => Line) lines: Line[];
  @Type(() => Line) gift?: Line;
  @Type(() => Number) limit?: number;
  @Type(() => Boolean) urgent?: boolean;
  @Type(() => String) label?: string;
  metadata?: Record<string, unknown>;
}

class Trimmed {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)) name: string;
}

/** Rules in turn, one reading the whole source; rules for the other direction or for a group not asked for. */
class Shaped {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? `${value}!` : value))
  @Type(() => String)
  code: string;
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => `${key}:${String(obj.code)}`) echo: string;
  @Transform(() => 'to plain only', { toPlainOnly: true }) outbound?: string;
  @Transform(() => 'grouped', { groups: ['admin'] }) grouped?: string;
}

class InheritsShape extends Shaped {
  extra?: string;
}

class Hidden {
  @Exclude() secret?: string;
  shown?: string;
}

class WithTrimmedChild {
  @Type(() => Trimmed) child: Trimmed;
}

const line = { sku: 'a', quantity: 2 };

/** [item, (gap), item]: an array with a hole, as a sparse literal would write it. */
function withGap(item: unknown): unknown[] {
  const items: unknown[] = [item];
  items[2] = item;
  return items;
}

/** Built by both, and built alike. */
function expectSame(type: new () => object, plain: unknown): object {
  const direct = plainToDto(type, plain) as object;
  const theirs = plainToInstance(type, plain) as object;
  expect(sameBuild(direct, theirs), JSON.stringify(plain)).toBe(true);
  return direct;
}

describe('building a DTO from a plain value', () => {
  it.each([
    ['nested classes in arrays and alone', { lines: [line, line], gift: line }],
    ['a field initialiser kept when absent and replaced when given', { state: 'placed' }],
    ['conversions a @Type() names', { limit: '20', urgent: '', label: 5 }],
    ['null and absent values under a @Type()', { limit: null, gift: null }],
    ['plain objects and arrays copied, deep', { metadata: { a: { b: [1, { c: 2 }] } } }],
    ['a primitive where an object goes', { gift: 'yes', lines: [1, 'x', null] }],
    ['keys naming methods, accessors and Object.prototype members left out', { lines: [{ ...line, total: 9, describe: 1, toString: 2 }] }],
    ['a key never declared', { extra: { nested: true } }],
    // The validation pipe strips these keys before; class-transformer, given a nested one, fails on it.
    ['constructor and __proto__ keys at the top', JSON.parse('{"constructor": 1, "__proto__": {"x": 1}}')],
    ['an array with a gap', { lines: withGap(line) }],
    ['an array at the top', [{ state: 'x' }, 1]],
  ])('%s: as class-transformer builds it', (_, plain) => {
    expectSame(Order, plain);
  });

  it('builds instances of the classes, directly', () => {
    expect(buildDirectly(Order, { lines: [line] })).not.toBe(NOT_BUILT);
    const order = expectSame(Order, { lines: [line], limit: '3' }) as Order;
    expect(order).toBeInstanceOf(Order);
    expect(order.lines[0]).toBeInstanceOf(Line);
    expect(order.limit).toBe(3);
  });

  it('applies @Transform() rules as class-transformer does, at any depth and inherited', () => {
    const plain = { code: 7, echo: 'x', outbound: 'kept', grouped: 'kept' };
    expect(buildDirectly(Shaped, plain)).not.toBe(NOT_BUILT);
    expect(expectSame(Shaped, plain)).toMatchObject({ echo: 'echo:7', outbound: 'kept', grouped: 'kept' });
    // In the order class-transformer keeps them: the trim, then the mark.
    expect(expectSame(Shaped, { code: '  a ' })).toMatchObject({ code: 'a!' });
    expect(expectSame(InheritsShape, { ...plain, extra: 'e' })).toBeInstanceOf(InheritsShape);
    expect((expectSame(Trimmed, { name: '  ann ' }) as Trimmed).name).toBe('ann');
    expect(buildDirectly(WithTrimmedChild, { child: { name: ' b ' } })).not.toBe(NOT_BUILT);
    expect((expectSame(WithTrimmedChild, { child: { name: ' b ' } }) as WithTrimmedChild).child.name).toBe('b');
    // A key the input leaves out is not given to its rules, by either.
    expect(expectSame(Shaped, {})).not.toHaveProperty('echo');
  });

  it('leaves classes shaped by @Exclude(), at any depth, to class-transformer', () => {
    expect(buildDirectly(Hidden, {})).toBe(NOT_BUILT);
    expect(expectSame(Hidden, { secret: 's', shown: 'x' })).not.toHaveProperty('secret');
  });

  it('tells builds apart', () => {
    expect(sameBuild(new Line(), {})).toBe(false);
    expect(sameBuild({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameBuild([1, [2]], [1, [2]])).toBe(true);
    expect(sameBuild({ a: [1] }, { a: [2] })).toBe(false);
    expect(sameBuild({ at: new Date(1) }, { at: new Date(1) })).toBe(true);
    expect(sameBuild({ at: new Date(1) }, { at: new Date(2) })).toBe(false);
    expect(sameBuild(new Date(Number.NaN), new Date(Number.NaN))).toBe(true);
    expect(sameBuild(new Date(Number.NaN), new Date(0))).toBe(false);
    expect(sameBuild(/a/i, /a/g)).toBe(false);
    expect(sameBuild(Buffer.from('ab'), Buffer.from('ac'))).toBe(false);
    expect(sameBuild(new Set([1]), new Set([2]))).toBe(false);
    expect(sameBuild(new Map([['a', 1]]), new Map([['a', 1]]))).toBe(true);
    expect(sameBuild(new Uint8Array([1]).buffer, new Uint8Array([2]).buffer)).toBe(false);
    expect(sameBuild(Object(1), Object(2))).toBe(false);
    expect(sameBuild(Object('a'), Object('a'))).toBe(true);
  });

  it('builds every DTO of the application as class-transformer does, on 150 inputs each', () => {
    const classes = applicationDtos();
    expect(classes.length).toBeGreaterThan(80);
    let direct = 0;
    let samples = 0;
    for (const [index, type] of classes.entries()) {
      for (const plain of samplesOf(type, index + 1, 150)) {
        expectSame(type, plain);
        samples++;
        if (buildDirectly(type, plain) !== NOT_BUILT) direct++;
      }
    }
    // Most were built directly: the comparison is with the direct build, not with class-transformer twice.
    expect(direct / samples).toBeGreaterThan(0.7);
  });
});
