import { Module } from '@nestjs/common';

/** Careers: job postings and applications through the hiring pipeline. */
@Module({})
export class CareersModule {}
