import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, type Model, type QueryFilter } from 'mongoose';
import { prefixPattern } from '../../core/database/prefix-pattern.js';
import { CommunitySuggestion } from './schemas/community-suggestion.schema.js';

/**
 * `?q=` on the board. With full-text search (MongoDB) it matches words of the title and description
 * through the `board_text` index; on a server without `$text` (the test stand-in) it falls back to
 * the start of the title, case-insensitive. Which one is decided once, by asking the server.
 */
@Injectable()
export class BoardSearch {
  private readonly logger = new Logger(BoardSearch.name);
  private textSearch?: Promise<boolean>;

  constructor(@InjectModel(CommunitySuggestion.name) private readonly model: Model<CommunitySuggestion>) {}

  async filterFor(q: string | undefined): Promise<QueryFilter<CommunitySuggestion>> {
    if (!q) return {};
    if (await this.hasTextSearch()) return { $text: trusted({ $search: q }) } as QueryFilter<CommunitySuggestion>;
    return { title: trusted({ $regex: prefixPattern(q), $options: 'i' }) } as QueryFilter<CommunitySuggestion>;
  }

  private hasTextSearch(): Promise<boolean> {
    this.textSearch ??= this.model
      .find({ $text: trusted({ $search: 'capability' }) } as QueryFilter<CommunitySuggestion>, { _id: 1 })
      .limit(1)
      .lean()
      .then(
        () => true,
        (error: unknown) => {
          this.logger.log(
            `board search falls back to title prefixes: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
          );
          return false;
        },
      );
    return this.textSearch;
  }
}
