import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FILE_PURPOSES, PURPOSE_RULES, type FilePurpose } from '../file-purposes.js';

const described = FILE_PURPOSES.map((purpose) => `${purpose}: ${PURPOSE_RULES[purpose].types.join(', ')}`).join('; ');

/** The text fields of an upload; they come before the file part in the form. */
export class UploadFileFieldsDto {
  @ApiProperty({ enum: FILE_PURPOSES, description: `Accepted types (detected from the content) per purpose: ${described}` })
  @IsIn(FILE_PURPOSES)
  purpose: FilePurpose;
}
