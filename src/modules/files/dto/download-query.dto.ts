import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { MAX_FILE_NAME } from '../file-name.js';

/** The values a download link's token signs; changing any of them breaks the signature (403). */
export class DownloadQueryDto {
  @ApiProperty({ description: 'Storage key' })
  @IsString()
  @MaxLength(1100)
  @Matches(/^[A-Za-z0-9._/-]+$/)
  k: string;

  @ApiProperty({ description: 'File name offered to the browser' })
  @IsString()
  @MaxLength(MAX_FILE_NAME * 2)
  n: string;

  @ApiProperty({ description: 'Content type' })
  @IsString()
  @MaxLength(127)
  @Matches(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/)
  t: string;
}
