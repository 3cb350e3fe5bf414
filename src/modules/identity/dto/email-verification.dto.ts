import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';

export class VerifyEmailDto {
  @ApiProperty({ description: 'The token from the link in the verification email', maxLength: 1000 })
  @IsString()
  @MinLength(20)
  @MaxLength(1000)
  // A JWT's three base64url parts: anything else cannot be one of ours.
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'must be a verification token' })
  token: string;
}

export class EmailVerifiedDto {
  @ApiProperty({ example: true }) verified: true;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ format: 'date-time', description: 'When the address was first verified (a repeated link answers the same)' })
  emailVerifiedAt: string;
}

export class VerificationSentDto {
  @ApiProperty({ format: 'email', description: 'Where the new link is sent' }) email: string;
  @ApiProperty({ description: 'Further verification emails this hour' }) resendsLeft: number;
}
