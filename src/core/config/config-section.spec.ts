import { IsIn, IsOptional, IsString } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { IntSetting, readConfigSection } from './config-section.js';

class ExampleConfig {
  @IntSetting({ min: 1, max: 100 })
  EXAMPLE_LIMIT = 10;

  @IsIn(['a', 'b'])
  EXAMPLE_MODE = 'a';

  /** Optional, with no default: known from its rules alone. */
  @IsOptional()
  @IsString()
  EXAMPLE_KEY?: string;
}

describe('module configuration sections', () => {
  it('keeps defaults, converts integers and reads only its own variables', () => {
    expect(readConfigSection(ExampleConfig, { EXAMPLE_LIMIT: '42', OTHER: 'x' })).toEqual({ EXAMPLE_LIMIT: 42, EXAMPLE_MODE: 'a' });
    expect(readConfigSection(ExampleConfig, {})).toEqual({ EXAMPLE_LIMIT: 10, EXAMPLE_MODE: 'a' });
  });

  it('reads an optional variable that has no default', () => {
    expect(readConfigSection(ExampleConfig, { EXAMPLE_KEY: 'set' })).toMatchObject({ EXAMPLE_KEY: 'set' });
    expect(readConfigSection(ExampleConfig, {}).EXAMPLE_KEY).toBeUndefined();
  });

  it('stops with one line naming the variable', () => {
    expect(() => readConfigSection(ExampleConfig, { EXAMPLE_LIMIT: '0' })).toThrow(
      'Invalid environment: EXAMPLE_LIMIT must not be less than 1',
    );
    expect(() => readConfigSection(ExampleConfig, { EXAMPLE_LIMIT: 'many' })).toThrow(/EXAMPLE_LIMIT must be an integer/);
    expect(() => readConfigSection(ExampleConfig, { EXAMPLE_MODE: 'c' })).toThrow(/EXAMPLE_MODE must be one of/);
  });
});
