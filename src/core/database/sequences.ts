import { Injectable } from '@nestjs/common';
import { InjectModel, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

/** A named counter; `$inc` on one document is atomic, so concurrent callers get distinct, consecutive values. */
@Schema({ collection: 'counters', versionKey: false })
export class Sequence {
  /** The counter's name, e.g. `supporttickets:2026`. */
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true, default: 0 }) last: number;
}

export const SequenceSchema = SchemaFactory.createForClass(Sequence);

/** Human-readable numbers (tickets, invoices): one atomic increment per number. */
@Injectable()
export class Sequences {
  constructor(@InjectModel(Sequence.name) private readonly sequences: Model<Sequence>) {}

  async next(name: string): Promise<number> {
    const counter = await this.sequences
      .findOneAndUpdate({ _id: name }, { $inc: { last: 1 } }, { upsert: true, returnDocument: 'after' })
      .lean<Sequence>();
    return counter!.last;
  }
}
