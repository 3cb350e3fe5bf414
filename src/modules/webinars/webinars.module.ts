import { Module } from '@nestjs/common';

/** Webinars: sessions with capacity, registrations with a waitlist, attendance and feedback. */
@Module({})
export class WebinarsModule {}
