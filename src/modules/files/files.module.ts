import { Module } from '@nestjs/common';

/** Uploaded files: the storage port, owned uploads and signed downloads. */
@Module({})
export class FilesModule {}
