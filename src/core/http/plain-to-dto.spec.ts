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

  it('leaves classes shaped by @Transform() and @Exclude(), at any depth, to class-transformer', () => {
    for (const [type, plain] of [
      [Trimmed, { name: 'a' }],
      [Hidden, {}],
      [WithTrimmedChild, { child: {} }],
    ] as const) {
      expect(buildDirectly(type, plain)).toBe(NOT_BUILT);
    }
    expect((expectSame(Trimmed, { name: '  ann ' }) as Trimmed).name).toBe('ann');
    expect(expectSame(Hidden, { secret: 's', shown: 'x' })).not.toHaveProperty('secret');
    expect((expectSame(WithTrimmedChild, { child: { name: ' b ' } }) as WithTrimmedChild).child.name).toBe('b');
  });

  it('tells builds apart', () => {
    expect(sameBuild(new Line(), {})).toBe(false);
    expect(sameBuild({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameBuild([1, [2]], [1, [2]])).toBe(true);
    expect(sameBuild({ a: [1] }, { a: [2] })).toBe(false);
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
