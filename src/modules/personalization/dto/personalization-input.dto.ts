import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import {
  AVATAR_STYLES,
  FONT_SIZES,
  INSTRUCTIONS_HARD_MAX,
  LANGUAGES,
  RESPONSE_LENGTHS,
  THEMES,
  TONES,
  VERBOSITIES,
  type AvatarStyle,
  type FontSize,
  type Language,
  type ResponseLength,
  type Theme,
  type Tone,
  type Verbosity,
} from '../personalization-fields.js';

export class DisplayInputDto {
  @ApiPropertyOptional({ enum: THEMES }) @IsOptional() @IsIn(THEMES) theme?: Theme;
  @ApiPropertyOptional({ enum: AVATAR_STYLES }) @IsOptional() @IsIn(AVATAR_STYLES) avatarStyle?: AvatarStyle;
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
  @ApiPropertyOptional({ enum: FONT_SIZES }) @IsOptional() @IsIn(FONT_SIZES) fontSize?: FontSize;
}

export class BehaviorInputDto {
  @ApiPropertyOptional({ enum: TONES }) @IsOptional() @IsIn(TONES) tone?: Tone;
  @ApiPropertyOptional({ enum: VERBOSITIES }) @IsOptional() @IsIn(VERBOSITIES) verbosity?: Verbosity;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: '0 keeps the agent literal, 1 lets it improvise' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  creativity?: number;

  @ApiPropertyOptional({ enum: RESPONSE_LENGTHS }) @IsOptional() @IsIn(RESPONSE_LENGTHS) responseLength?: ResponseLength;
}

/**
 * The settings of a user for one agent. PUT replaces them (what is left out goes back to its default);
 * PATCH changes only the fields given. Saved prompts have their own routes and are not touched here.
 */
export class PersonalizationSettingsDto {
  @ApiPropertyOptional({ type: DisplayInputDto }) @IsOptional() @ValidateNested() @Type(() => DisplayInputDto) display?: DisplayInputDto;

  @ApiPropertyOptional({ type: BehaviorInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BehaviorInputDto)
  behavior?: BehaviorInputDto;

  @ApiPropertyOptional({
    maxLength: INSTRUCTIONS_HARD_MAX,
    description: 'At most PERSONALIZATION_MAX_INSTRUCTIONS_CHARS (4000 by default)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(INSTRUCTIONS_HARD_MAX)
  customInstructions?: string;
}
