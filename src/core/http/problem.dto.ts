import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

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
  @ApiPropertyOptional({ type: FieldErrorDto, isArray: true, description: 'At most 20; see errorCount' }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ description: 'All field errors, when there are more than the ones listed' }) errorCount?: number;
  @ApiPropertyOptional({ description: 'True when errors lists only the first ones' }) truncated?: boolean;
  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'integer' }],
    description: 'input-too-complex: the name of the bound exceeded (keysPerObject); quota-exceeded: the period’s limit (a count)',
  })
  limit?: string | number;
  @ApiPropertyOptional({ description: 'input-too-complex: its value', example: 200 }) max?: number;
  @ApiPropertyOptional({ description: 'input-too-complex: where the input was when it was exceeded', example: 'body' }) field?: string;
}

/** Documents an error answer with its real content type, application/problem+json. */
export const ApiProblem = (status: number, description: string) =>
  applyDecorators(
    ApiExtraModels(ProblemResponseDto),
    ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemResponseDto) } } } }),
  );
