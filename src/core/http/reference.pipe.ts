import { HttpStatus, Injectable, type PipeTransform, type Type } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Types, type Connection } from 'mongoose';
import { isObjectId } from './object-id.pipe.js';
import { ProblemException } from './problem.js';

/**
 * A path key that takes a document's id or its public number (`SUG-000042`, `APP-2026-000123`): people
 * quote the number, and an answer that shows it is naturally followed by a request that uses it. The
 * number is resolved to the id here, once, so every service below still works with ids alone.
 */
export function ReferencePipe(modelName: string, field: string, numberPattern: string): Type<PipeTransform<string, Promise<string>>> {
  const number = new RegExp(`^${numberPattern}$`);

  @Injectable()
  class Reference implements PipeTransform<string, Promise<string>> {
    static readonly pathSchema = { type: 'string', pattern: `^([0-9a-fA-F]{24}|${numberPattern})$` };

    constructor(@InjectConnection() private readonly connection: Connection) {}

    async transform(value: string): Promise<string> {
      if (isObjectId(value)) return value.toLowerCase();
      if (typeof value !== 'string' || !number.test(value))
        throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          'malformed-id',
          'Malformed id',
          `"${String(value).slice(0, 64)}" is not a valid id.`,
        );
      const found = await this.connection
        .model(modelName)
        .findOne({ [field]: value }, { _id: 1 })
        .lean<{ _id: Types.ObjectId }>();
      // An unknown number becomes an id nothing has, so the service answers exactly as it does to an
      // unknown id: whether a number exists is told only to whoever may see its document.
      return (found?._id ?? new Types.ObjectId()).toString();
    }
  }
  return Reference;
}
