import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter, type UpdateQuery } from 'mongoose';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { AgentPersonalization } from './schemas/agent-personalization.schema.js';

const ONE_PER_AGENT = ['userId', 'agentId'];

/** The one writer of `agentpersonalizations`: one document per (user, agent), created by the first write. */
@Injectable()
export class PersonalizationStore {
  constructor(@InjectModel(AgentPersonalization.name) readonly model: Model<AgentPersonalization>) {}

  keyOf(userId: string, agentId: string): { userId: Types.ObjectId; agentId: string } {
    return { userId: new Types.ObjectId(userId), agentId };
  }

  find(userId: string, agentId: string): Promise<AgentPersonalization | null> {
    return this.model.findOne(this.keyOf(userId, agentId)).lean<AgentPersonalization>();
  }

  /**
   * Applies `update` to the user's document for the agent, creating it when absent, and answers it, or null
   * when a document exists but `guard` does not hold for it. Two first writes at once both try to insert;
   * the one refused by the unique index applies its update to the document the other created.
   */
  async upsert(
    userId: string,
    agentId: string,
    update: UpdateQuery<AgentPersonalization>,
    guard: QueryFilter<AgentPersonalization> = {},
  ): Promise<AgentPersonalization | null> {
    const filter = { ...this.keyOf(userId, agentId), ...guard } as QueryFilter<AgentPersonalization>;
    const write = { ...update, $inc: { ...(update.$inc ?? {}), revision: 1 } };
    try {
      return await this.model.findOneAndUpdate(filter, write, { upsert: true, returnDocument: 'after' }).lean<AgentPersonalization>();
    } catch (error) {
      if (!isDuplicateKeyOn(error, ONE_PER_AGENT)) throw error;
      return this.model.findOneAndUpdate(filter, write, { returnDocument: 'after' }).lean<AgentPersonalization>();
    }
  }

  /** Applies `update` to an existing document where `guard` holds; null when none matched. */
  update(
    userId: string,
    agentId: string,
    guard: QueryFilter<AgentPersonalization>,
    update: UpdateQuery<AgentPersonalization>,
  ): Promise<AgentPersonalization | null> {
    const filter = { ...this.keyOf(userId, agentId), ...guard } as QueryFilter<AgentPersonalization>;
    return this.model
      .findOneAndUpdate(filter, { ...update, $inc: { ...(update.$inc ?? {}), revision: 1 } }, { returnDocument: 'after' })
      .lean<AgentPersonalization>();
  }

  async eraseUser(userId: string): Promise<void> {
    await this.model.deleteMany({ userId: new Types.ObjectId(userId) });
  }
}
