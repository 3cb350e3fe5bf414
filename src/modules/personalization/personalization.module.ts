import { Module } from '@nestjs/common';

/** Agent personalization: per user and agent display, behaviour, instructions and saved prompts. */
@Module({})
export class PersonalizationModule {}
