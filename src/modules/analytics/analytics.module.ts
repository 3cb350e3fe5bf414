import { Module } from '@nestjs/common';

/** Product analytics: visitors, visits, page views, events and usage, written in batches. */
@Module({})
export class AnalyticsModule {}
