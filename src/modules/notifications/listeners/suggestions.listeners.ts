import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { AppConfig } from '../../../core/config/app-config.js';
import { EffectsRelay } from '../../../core/events/index.js';
import {
  SUGGESTIONS_NOTIFICATION_TYPES,
  type SuggestionCommentedEvent,
  type SuggestionStatusChangedEvent,
} from '../../suggestions/index.js';
import { NotificationTypes } from '../notification-type-registry.js';
import { NotifyService } from '../notify.service.js';

const STATUS_LABELS: Record<SuggestionStatusChangedEvent['suggestionStatus'], string> = {
  submitted: 'submitted',
  under_review: 'under review',
  planned: 'planned',
  in_progress: 'in progress',
  implemented: 'implemented',
  declined: 'declined',
};

/**
 * What the suggestions board owes its members, as owed effects the relay runs until they succeed.
 * The effect key is the notification's dedupe key, so a retried effect never notifies twice.
 */
@Injectable()
export class SuggestionsListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly notify: NotifyService,
    private readonly config: AppConfig,
    types: NotificationTypes,
  ) {
    // In the constructor, not onModuleInit: the API document, built before that, lists the types.
    types.register(SUGGESTIONS_NOTIFICATION_TYPES);
  }

  onModuleInit(): void {
    this.relay.on('suggestions.status-changed', 'notifications', (event, key) => this.statusChanged(event, key));
    this.relay.on('suggestions.commented', 'notifications', (event, key) => this.commented(event, key));
  }

  private async statusChanged(event: SuggestionStatusChangedEvent, key: string): Promise<void> {
    const status = STATUS_LABELS[event.suggestionStatus];
    await this.notify.notify(systemContext(key), event.suggestionAuthorId, {
      type: 'suggestion-status',
      title: `Your suggestion ${event.suggestionNumber} is ${status}`,
      body: event.statusReason ? `${event.suggestionTitle}: ${event.statusReason}` : event.suggestionTitle,
      actions: [{ label: 'View the suggestion', url: this.suggestionUrl(event.suggestionId) }],
      dedupeKey: key,
    });
  }

  private async commented(event: SuggestionCommentedEvent, key: string): Promise<void> {
    await this.notify.notify(systemContext(key), event.suggestionAuthorId, {
      type: 'suggestion-comment',
      title: `New comment on ${event.suggestionNumber}`,
      body: `${event.commenterName}: ${event.commentExcerpt}`,
      groupKey: `suggestion-comments:${event.suggestionId}`,
      actions: [{ label: 'View the suggestion', url: this.suggestionUrl(event.suggestionId) }],
      dedupeKey: key,
    });
  }

  private suggestionUrl(suggestionId: string): string {
    return `${this.config.get('PUBLIC_BASE_URL')}/suggestions/${suggestionId}`;
  }
}
