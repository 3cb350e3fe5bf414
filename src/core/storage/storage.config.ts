import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { MaxLength, MinLength } from '../http/text-length.validators.js';

/** 'true' / '1' / 'false' / '0'; anything else stays a string and fails @IsBoolean, naming the variable. */
const toBoolean = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  return value;
};

const usesS3 = (config: StorageConfig) => config.FILE_STORAGE === 's3';

/**
 * Where uploaded files are kept: `local` (files under DATA_DIR/files, links served by our own download
 * route) or `s3` (any S3-compatible store). With `s3`, a missing bucket or credential stops the start.
 */
export class StorageConfig {
  @IsIn(['local', 's3'])
  FILE_STORAGE: 'local' | 's3' = 'local';

  /** Unset for AWS itself; the server's base URL for MinIO, Ceph, R2 and the like. */
  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+\/?$/, { message: 'must be a base URL such as http://127.0.0.1:9000' })
  S3_ENDPOINT?: string = undefined;

  @IsString()
  @Matches(/^[a-z0-9-]{2,32}$/, { message: 'must be a region name such as us-east-1' })
  S3_REGION = 'us-east-1';

  @ValidateIf(usesS3)
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a bucket name (3-63 lowercase letters, digits, dots, hyphens)' })
  S3_BUCKET?: string = undefined;

  @ValidateIf(usesS3)
  @IsString({ message: 'is required when FILE_STORAGE=s3' })
  @MinLength(1, { message: 'is required when FILE_STORAGE=s3' })
  @MaxLength(256)
  S3_ACCESS_KEY_ID?: string = undefined;

  @ValidateIf(usesS3)
  @IsString({ message: 'is required when FILE_STORAGE=s3' })
  @MinLength(1, { message: 'is required when FILE_STORAGE=s3' })
  @MaxLength(256)
  S3_SECRET_ACCESS_KEY?: string = undefined;

  /** Bucket in the path rather than the host name: what MinIO and most self-hosted servers need. */
  @Transform(toBoolean)
  @IsBoolean()
  S3_FORCE_PATH_STYLE = false;
}
