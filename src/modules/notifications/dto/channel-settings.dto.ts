import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsBoolean, IsOptional, ValidateNested } from 'class-validator';

export class ChannelSwitchesDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() in_app?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() email?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() push?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sms?: boolean;
}

const staysOn = (channel: string) => ({ message: `a critical type’s ${channel} channel cannot be turned off` });

/** A critical type's in-app and email channels stay on: only `true` is accepted for them. */
export class CriticalChannelSwitchesDto {
  @ApiPropertyOptional({ enum: [true] }) @IsOptional() @Equals(true, staysOn('in-app')) in_app?: true;
  @ApiPropertyOptional({ enum: [true] }) @IsOptional() @Equals(true, staysOn('email')) email?: true;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() push?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sms?: boolean;
}

export class ChannelSwitchesViewDto {
  @ApiProperty() in_app: boolean;
  @ApiProperty() email: boolean;
  @ApiProperty() push: boolean;
  @ApiProperty() sms: boolean;
}

/** One optional switches object per registered notification type. */
export class ChannelSettingsDto {}

/** Every registered notification type with its switches. */
export class ChannelSettingsViewDto {}

/**
 * The registered type names, for `@IsIn` and `enum`: both keep this array, so validation and the API
 * document read the types as registered (the registry adds them before the document is built).
 */
export const REGISTERED_TYPES: string[] = [];

const declared = new Map<string, boolean>();

/**
 * Gives the settings request and view a property for a registered type. Once per type per process:
 * applications built in one process (tests) declare the same types.
 */
export function declareSettingsFor(type: string, critical: boolean): void {
  const known = declared.get(type);
  if (known !== undefined) {
    if (known !== critical) throw new Error(`notification type ${type} is declared critical and not critical`);
    return;
  }
  declared.set(type, critical);
  REGISTERED_TYPES.push(type);
  const switches = critical ? CriticalChannelSwitchesDto : ChannelSwitchesDto;
  ApiPropertyOptional({ type: switches })(ChannelSettingsDto.prototype, type);
  IsOptional()(ChannelSettingsDto.prototype, type);
  ValidateNested()(ChannelSettingsDto.prototype, type);
  Type(() => switches)(ChannelSettingsDto.prototype, type);
  ApiProperty({ type: ChannelSwitchesViewDto })(ChannelSettingsViewDto.prototype, type);
}
