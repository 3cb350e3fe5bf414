import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUGGESTION_STATUSES, type SuggestionStatus } from '../suggestion.lifecycle.js';
import { SUGGESTION_CATEGORIES, VOTE_CHOICES, type SuggestionCategory, type VoteChoice } from '../suggestion-fields.js';

export class VoteCountsDto {
  @ApiProperty() up: number;
  @ApiProperty() down: number;
}

export class ImplementationDto {
  @ApiPropertyOptional() notes?: string;
  @ApiPropertyOptional() targetRelease?: string;
  @ApiPropertyOptional({ format: 'uri' }) link?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updatedAt?: string;
}

export class SuggestionCommentDto {
  @ApiProperty() id: string;
  /** Absent for a comment whose author's account was deleted. */
  @ApiPropertyOptional() authorId?: string;
  @ApiProperty() authorName: string;
  @ApiProperty({ description: 'Written by the team' }) fromStaff: boolean;
  @ApiProperty() body: string;
  @ApiPropertyOptional({ description: 'Only in the author’s and the moderators’ view' }) hidden?: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SuggestionStatusChangeDto {
  @ApiPropertyOptional({ enum: SUGGESTION_STATUSES, nullable: true }) from: SuggestionStatus | null;
  @ApiProperty({ enum: SUGGESTION_STATUSES }) to: SuggestionStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiPropertyOptional() reason?: string;
}

export class SuggestionSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'SUG-000123' }) suggestionId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: SUGGESTION_CATEGORIES }) category: SuggestionCategory;
  @ApiProperty({ type: String, isArray: true }) tags: string[];
  @ApiProperty({ enum: SUGGESTION_STATUSES }) status: SuggestionStatus;
  @ApiPropertyOptional({ description: 'Why staff made the last move' }) statusReason?: string;
  @ApiProperty({ type: VoteCountsDto }) votes: VoteCountsDto;
  @ApiProperty({ description: 'up − down' }) score: number;
  @ApiProperty() commentCount: number;
  /** Absent once the author's account was deleted. */
  @ApiPropertyOptional() authorId?: string;
  @ApiProperty() authorName: string;
  @ApiPropertyOptional({ enum: VOTE_CHOICES, description: 'The caller’s own vote; absent for an anonymous caller' })
  myVote?: VoteChoice;
  @ApiPropertyOptional({ description: 'Only in the author’s and the moderators’ view' }) hidden?: boolean;
  @ApiPropertyOptional({ description: 'Only in the moderators’ view' }) hiddenReason?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SuggestionDto extends SuggestionSummaryDto {
  @ApiPropertyOptional({ type: ImplementationDto, description: 'Public once the suggestion is planned; staff see it always' })
  implementation?: ImplementationDto;
  @ApiProperty({
    type: SuggestionCommentDto,
    isArray: true,
    description: 'The latest comments, newest first (SUGGESTIONS_DETAIL_COMMENTS)',
  })
  comments: SuggestionCommentDto[];
  @ApiProperty({ type: SuggestionStatusChangeDto, isArray: true }) history: SuggestionStatusChangeDto[];
}
