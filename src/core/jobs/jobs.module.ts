import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobLock, JobLockSchema } from './job-lock.schema.js';
import { JobRunner } from './job-runner.js';
import { JobsController } from './jobs.controller.js';

/** MongoDB leases for scheduled work, and GET /api/admin/jobs. */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: JobLock.name, schema: JobLockSchema }])],
  controllers: [JobsController],
  providers: [JobRunner],
  exports: [JobRunner],
})
export class JobsModule {}
