import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: 'email must be an email' }) message: string;
}

/** RFC 9457 problem details, as every error is answered (content type application/problem+json). */
export class ProblemResponseDto {
  @ApiProperty({ example: 'urn:atrium:problem:validation-failed' }) type: string;
  @ApiProperty({ example: 'Validation failed' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ example: '/api/users/me' }) instance?: string;
  @ApiPropertyOptional({ description: 'Also in the x-request-id header and in every log line' }) requestId?: string;
  @ApiPropertyOptional({ type: FieldErrorDto, isArray: true }) errors?: FieldErrorDto[];
}
