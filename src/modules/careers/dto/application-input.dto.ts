import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsMongoId, IsOptional, IsString, Matches } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { MAX_APPLICANT_LINKS, MAX_URL_LENGTH } from '../careers-fields.js';
import { FOLLOW_UP_TOKEN_PATTERN } from '../follow-up-tokens.js';
import { HttpsUrl } from '../../../core/net/index.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

/** The applicant's details; as form fields in the upload variant, with links and the resume link in the JSON one. */
export class ApplicationFieldsDto {
  @ApiProperty({ description: 'The open job posting applied to' }) @IsMongoId() postingId: string;
  @ApiProperty({ minLength: 2, maxLength: 200 }) @IsString() @MinLength(2) @MaxLength(200) @NotBlank() name: string;
  @ApiProperty({ maxLength: 254, format: 'email' }) @IsEmail() @MaxLength(254) email: string;
  @ApiPropertyOptional({ maxLength: 40, example: '+49 30 1234567' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^\+?[0-9 ()./-]{4,40}$/, { message: 'phone may hold digits, spaces and + ( ) . / - only' })
  phone?: string;
  @ApiPropertyOptional({ maxLength: 10_000 }) @IsOptional() @IsString() @MaxLength(10_000) coverLetter?: string;
}

export class SubmitApplicationDto extends ApplicationFieldsDto {
  @ApiProperty({
    format: 'uri',
    maxLength: MAX_URL_LENGTH,
    description: 'A public https link to the resume',
    example: 'https://cv.example.com/ada.pdf',
  })
  @HttpsUrl()
  resumeUrl: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: MAX_APPLICANT_LINKS,
    format: 'uri',
    description: 'Portfolio, profile, code',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_APPLICANT_LINKS)
  @HttpsUrl(true)
  links?: string[];
}

/** The mailed follow-up token, for an applicant who is not signed in. */
export class FollowUpTokenQueryDto {
  @ApiPropertyOptional({ description: 'The token from the mailed follow-up link (43 characters, base64url)', minLength: 43, maxLength: 43 })
  @IsOptional()
  @IsString()
  @Matches(FOLLOW_UP_TOKEN_PATTERN, { message: 'token must be the 43-character token from the follow-up link' })
  token?: string;
}

/** A page of an address's applications, with the follow-up token for that address. */
export class FollowUpPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'The token from the mailed follow-up link (43 characters, base64url)', minLength: 43, maxLength: 43 })
  @IsOptional()
  @IsString()
  @Matches(FOLLOW_UP_TOKEN_PATTERN, { message: 'token must be the 43-character token from the follow-up link' })
  token?: string;
}

export class FollowUpLinkRequestDto {
  @ApiProperty({ maxLength: 254, format: 'email' }) @IsEmail() @MaxLength(254) email: string;
}

export class WithdrawApplicationDto {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
