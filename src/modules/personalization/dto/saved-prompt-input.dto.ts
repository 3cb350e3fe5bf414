import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsMongoId, IsOptional, IsString } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PROMPT_TAG_MAX, PROMPT_TAGS_MAX, PROMPT_TEXT_MAX, PROMPT_TITLE_MAX, SAVED_PROMPTS_HARD_MAX } from '../personalization-fields.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

export class SavedPromptInputDto {
  @ApiProperty({ maxLength: PROMPT_TITLE_MAX, example: 'Weekly summary' })
  @IsString()
  @MinLength(1)
  @MaxLength(PROMPT_TITLE_MAX)
  @NotBlank()
  title: string;

  @ApiProperty({ maxLength: PROMPT_TEXT_MAX, example: 'Summarize this week’s notes as five bullet points.' })
  @IsString()
  @MinLength(1)
  @MaxLength(PROMPT_TEXT_MAX)
  @NotBlank()
  prompt: string;

  @ApiPropertyOptional({ type: String, isArray: true, maxItems: PROMPT_TAGS_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROMPT_TAGS_MAX)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(PROMPT_TAG_MAX, { each: true })
  tags?: string[];
}

/** Only the fields given change. */
export class UpdateSavedPromptDto {
  @ApiPropertyOptional({ maxLength: PROMPT_TITLE_MAX })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(PROMPT_TITLE_MAX)
  @NotBlank()
  title?: string;
  @ApiPropertyOptional({ maxLength: PROMPT_TEXT_MAX })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(PROMPT_TEXT_MAX)
  @NotBlank()
  prompt?: string;

  @ApiPropertyOptional({ type: String, isArray: true, maxItems: PROMPT_TAGS_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROMPT_TAGS_MAX)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(PROMPT_TAG_MAX, { each: true })
  tags?: string[];
}

export class ReorderPromptsDto {
  @ApiProperty({
    type: String,
    isArray: true,
    maxItems: SAVED_PROMPTS_HARD_MAX,
    description: 'Every saved prompt’s id, each once, in the new order',
  })
  @IsArray()
  @ArrayMaxSize(SAVED_PROMPTS_HARD_MAX)
  @ArrayUnique()
  @IsMongoId({ each: true })
  order: string[];
}
