import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { CommentsRepository } from '../comments.repository.js';
import { FORMER_MEMBER } from '../suggestions-people.js';
import { SuggestionsRepository } from '../suggestions.repository.js';
import { VotesRepository } from '../votes.repository.js';
import { VotesService } from '../votes.service.js';

/**
 * A deleted account takes its votes and comments with it (the counters are recounted from what is
 * left). Its suggestions stay on the board without an author: other members voted and commented on
 * them, and the team may be working on them. Idempotent, so the relay may run it again.
 */
@Injectable()
export class IdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
    private readonly suggestions: SuggestionsRepository,
    private readonly votes: VotesRepository,
    private readonly comments: CommentsRepository,
    private readonly counting: VotesService,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'suggestions', async ({ userId }, key) => {
      const ctx = systemContext(key);
      this.policy.require(ctx, 'suggestion.maintain');
      const user = new Types.ObjectId(userId);
      const [votedOn, commentedOn] = await Promise.all([this.votes.eraseVoter(user), this.comments.eraseAuthor(user)]);
      for (const id of votedOn) await this.counting.recount(ctx, id);
      for (const id of commentedOn) await this.suggestions.setCommentCount(id, await this.comments.countVisible(id));
      await this.suggestions.anonymizeAuthor(user, FORMER_MEMBER);
    });
  }
}
