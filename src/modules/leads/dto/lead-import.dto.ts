import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, Matches } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { RequiredWhen } from '../../../core/http/required-when.js';

export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** Rows one import request holds at most. */
export const MAX_IMPORT_ROWS = 10_000;
/** JSON rows per request: the core input bound on any list (a CSV carries up to MAX_IMPORT_ROWS). */
export const MAX_JSON_IMPORT_ROWS = 1000;
/** Characters of CSV text: the default body limit (1 MiB) holds it; ~100 bytes a row fits 10,000 rows. */
export const MAX_CSV_CHARS = 1_048_576;
/** Rejected rows listed in a report; the count covers them all. */
export const MAX_LISTED_REJECTS = 200;

@RequiredWhen('csv', 'format', ['csv'])
@RequiredWhen('rows', 'format', ['json'])
export class LeadImportDto {
  @ApiProperty({ enum: IMPORT_FORMATS }) @IsIn(IMPORT_FORMATS) format: ImportFormat;

  @ApiPropertyOptional({
    maxLength: MAX_CSV_CHARS,
    description: `With format csv: a header line (name, phone, email, tags, timezone, notes, externalId, country; tags separated by ; or |) and up to ${MAX_IMPORT_ROWS} rows`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CSV_CHARS)
  csv?: string;

  @ApiPropertyOptional({
    type: 'array',
    maxItems: MAX_JSON_IMPORT_ROWS,
    items: { type: 'object', additionalProperties: true },
    description: 'With format json: rows with the CSV columns as fields; a bad row is reported, not refused',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_JSON_IMPORT_ROWS)
  @IsObject({ each: true })
  rows?: Record<string, unknown>[];

  @ApiPropertyOptional({ pattern: '^[A-Z]{2}$', description: 'Country numbers without +prefix are read in' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{2}$/)
  defaultCountry?: string;
}

export class LeadImportRejectDto {
  @ApiProperty({ description: 'CSV line (header is line 1), or the row’s index + 1 in `rows`' }) line: number;
  @ApiProperty() field: string;
  @ApiProperty() reason: string;
}

export class LeadImportReportDto {
  @ApiProperty() rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [LeadImportRejectDto], description: `The first ${MAX_LISTED_REJECTS} rejected rows` })
  rejectedRows: LeadImportRejectDto[];
}
