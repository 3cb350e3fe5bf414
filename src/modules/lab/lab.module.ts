import { Module } from '@nestjs/common';

/** AI lab experiment tracking: each run of a lab tool, its status, cost and statistics. */
@Module({})
export class LabModule {}
