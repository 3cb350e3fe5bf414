import { Module } from '@nestjs/common';

/** The product-feedback board: suggestions, votes, comments and their status. */
@Module({})
export class SuggestionsModule {}
