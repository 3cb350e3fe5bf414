import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AVATAR_STYLES,
  FONT_SIZES,
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

export class DisplayDto {
  @ApiProperty({ enum: THEMES }) theme: Theme;
  @ApiProperty({ enum: AVATAR_STYLES }) avatarStyle: AvatarStyle;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ enum: FONT_SIZES }) fontSize: FontSize;
}

export class BehaviorDto {
  @ApiProperty({ enum: TONES }) tone: Tone;
  @ApiProperty({ enum: VERBOSITIES }) verbosity: Verbosity;
  @ApiProperty({ minimum: 0, maximum: 1 }) creativity: number;
  @ApiProperty({ enum: RESPONSE_LENGTHS }) responseLength: ResponseLength;
}

export class SavedPromptDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() prompt: string;
  @ApiProperty({ type: String, isArray: true }) tags: string[];
  @ApiProperty({ description: 'Its place among the agent’s saved prompts, from 0' }) order: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SavedPromptListDto {
  @ApiProperty({ type: SavedPromptDto, isArray: true, description: 'In their order' }) items: SavedPromptDto[];
}

/** A user's settings for one agent, the defaults filled in for what they did not choose. */
export class PersonalizationDto {
  @ApiProperty({ example: 'neural-chat' }) agentId: string;
  @ApiProperty({ description: 'False while nothing is stored: every value is the default' }) customized: boolean;
  @ApiProperty({ type: DisplayDto }) display: DisplayDto;
  @ApiProperty({ type: BehaviorDto }) behavior: BehaviorDto;
  @ApiProperty({ description: 'Empty when none' }) customInstructions: string;
  @ApiProperty({ type: SavedPromptDto, isArray: true, description: 'In their order' }) savedPrompts: SavedPromptDto[];
  @ApiPropertyOptional({ format: 'date-time' }) updatedAt?: string;
}
