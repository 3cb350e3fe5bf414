import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { SUGGESTION_STATUSES, type SuggestionStatus } from '../suggestion.lifecycle.js';
import { BOARD_SORTS, SUGGESTION_CATEGORIES, type BoardSort, type SuggestionCategory } from '../suggestion-fields.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The board's filters and orders; every order is backed by an index on `communitysuggestions`. */
export class BoardQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUGGESTION_CATEGORIES }) @IsOptional() @IsIn(SUGGESTION_CATEGORIES) category?: SuggestionCategory;
  @ApiPropertyOptional({ enum: SUGGESTION_STATUSES }) @IsOptional() @IsIn(SUGGESTION_STATUSES) status?: SuggestionStatus;

  @ApiPropertyOptional({
    minLength: 2,
    maxLength: 100,
    description: 'Words of the title or description where the server has full-text search; otherwise the start of the title',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: BOARD_SORTS,
    default: 'score',
    description:
      'score: up − down votes, ties newest first; new: newest first; top: most up votes; ' +
      'trending: suggestions submitted in the last SUGGESTIONS_TRENDING_DAYS days, by score',
  })
  @IsOptional()
  @IsIn(BOARD_SORTS)
  sort: BoardSort = 'score';
}

/** The moderators' list: the board's filters, hidden suggestions included or alone. */
export class DeskQueryDto extends BoardQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only hidden (true) or only visible (false) suggestions; both when absent' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  hidden?: boolean;
}
