import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { EMPLOYMENT_TYPES, POSTING_STATES, type EmploymentType, type PostingState } from '../careers-fields.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

export class CreatePostingDto {
  @ApiProperty({ minLength: 2, maxLength: 200, example: 'Senior Backend Engineer' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  @NotBlank()
  position: string;
  @ApiProperty({ minLength: 2, maxLength: 100, example: 'Engineering' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  @NotBlank()
  department: string;
  @ApiProperty({ minLength: 2, maxLength: 200, example: 'Berlin or remote (EU)' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  @NotBlank()
  location: string;
  @ApiProperty({ enum: EMPLOYMENT_TYPES }) @IsIn(EMPLOYMENT_TYPES) employmentType: EmploymentType;
  @ApiProperty({ minLength: 10, maxLength: 20_000 }) @IsString() @MinLength(10) @MaxLength(20_000) @NotBlank() description: string;
  @ApiPropertyOptional({ enum: POSTING_STATES, default: 'open' }) @IsOptional() @IsIn(POSTING_STATES) state?: PostingState;
}

/** Any of the posting's fields; closing it (`state: closed`) stops new applications. */
export class UpdatePostingDto extends PartialType(CreatePostingDto) {}

export class PostingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) department?: string;
}

export class StaffPostingQueryDto extends PostingQueryDto {
  @ApiPropertyOptional({ enum: POSTING_STATES }) @IsOptional() @IsIn(POSTING_STATES) state?: PostingState;
}

export class PostingDto {
  @ApiProperty() id: string;
  @ApiProperty() position: string;
  @ApiProperty() department: string;
  @ApiProperty() location: string;
  @ApiProperty({ enum: EMPLOYMENT_TYPES }) employmentType: EmploymentType;
  @ApiProperty() description: string;
  @ApiProperty({ enum: POSTING_STATES }) state: PostingState;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
