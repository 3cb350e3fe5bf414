import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { CAPTURE_STATUSES, type CaptureStatus } from '../email-capture.lifecycle.js';

export class CreateEmailCaptureDto {
  @ApiProperty({ format: 'email' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'landing-page', maxLength: 100, description: 'Where the sign-up came from' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/^[\w.:/-]+$/, { message: 'source may hold letters, digits and _ . : / -' })
  source: string;
}

export class CaptureTokenQueryDto {
  @ApiProperty({ description: 'The signed token from the email link' }) @IsString() @MinLength(10) @MaxLength(300) token: string;
}

export class EmailCaptureQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CAPTURE_STATUSES }) @IsOptional() @IsIn(CAPTURE_STATUSES) status?: CaptureStatus;
}

export class CaptureAcceptedDto {
  @ApiProperty({ description: 'Always "pending": whether the address was known is not revealed' }) status: 'pending';
}

export class CaptureStatusDto {
  @ApiProperty({ enum: CAPTURE_STATUSES }) status: CaptureStatus;
}

export class EmailCaptureDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() source: string;
  @ApiProperty({ enum: CAPTURE_STATUSES }) status: CaptureStatus;
  @ApiPropertyOptional({ format: 'date-time' }) confirmedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) unsubscribedAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
