import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { SUGGESTION_STATUSES, type SuggestionStatus } from '../suggestion.lifecycle.js';
import {
  MAX_COMMENT_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_REASON_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
  SUGGESTION_CATEGORIES,
  TAG_PATTERN,
  VOTE_CHOICES,
  type SuggestionCategory,
  type VoteChoice,
} from '../suggestion-fields.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

export class CreateSuggestionDto {
  @ApiProperty({ minLength: 5, maxLength: MAX_TITLE_LENGTH, example: 'Export a conversation as PDF' })
  @IsString()
  @MinLength(5)
  @MaxLength(MAX_TITLE_LENGTH)
  @NotBlank()
  title: string;

  @ApiProperty({ minLength: 10, maxLength: MAX_DESCRIPTION_LENGTH })
  @IsString()
  @MinLength(10)
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  @NotBlank()
  description: string;

  @ApiProperty({ enum: SUGGESTION_CATEGORIES }) @IsIn(SUGGESTION_CATEGORIES) category: SuggestionCategory;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: MAX_TAGS,
    maxLength: MAX_TAG_LENGTH,
    pattern: TAG_PATTERN.source,
    example: ['export', 'pdf'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MaxLength(MAX_TAG_LENGTH, { each: true })
  @Matches(TAG_PATTERN, { each: true, message: 'each tag must be lowercase words joined by dashes' })
  tags?: string[];
}

export class VoteDto {
  @ApiProperty({ enum: VOTE_CHOICES, description: '`none` withdraws your vote' }) @IsIn(VOTE_CHOICES) direction: VoteChoice;
}

export class CommentDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_COMMENT_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_COMMENT_LENGTH)
  @NotBlank()
  body: string;
}

export class TransitionSuggestionDto {
  @ApiProperty({ enum: SUGGESTION_STATUSES }) @IsIn(SUGGESTION_STATUSES) to: SuggestionStatus;
  @ApiPropertyOptional({ maxLength: MAX_REASON_LENGTH, description: 'Shown with the status (why it was declined) and kept in the history' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON_LENGTH)
  reason?: string;
}

export class ModerationDto {
  @ApiProperty({ description: 'true hides it from the board; false shows it again' }) @IsBoolean() hidden: boolean;
  @ApiPropertyOptional({ maxLength: MAX_REASON_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON_LENGTH)
  reason?: string;
}
