import { Inject, Injectable, Logger } from '@nestjs/common';
import { systemContext } from '../../core/auth/request-context.js';
import { describeOutcome } from './provider-outcome.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from './providers/payment-provider.js';
import type { WebhookOutcome } from './schemas/webhook-event.schema.js';
import { ApplyProviderEvent } from './use-cases/apply-provider-event.js';
import { WebhookClaims } from './webhook-claims.js';

export interface WebhookAck {
  received: true;
  duplicate: boolean;
  outcome: WebhookOutcome;
}

/**
 * A provider's webhook: the adapter verifies the signature and reads the event (400 before anything is
 * stored); one delivery at a time processes an event (WebhookClaims), so concurrent redeliveries have
 * no second effect; a failure in our processing answers 500 and leaves the event for the provider's retry.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly claims: WebhookClaims,
    private readonly apply: ApplyProviderEvent,
  ) {}

  async receive(rawBody: Buffer | undefined, signature: string | string[] | undefined): Promise<WebhookAck> {
    const event = this.provider.parseWebhook(rawBody, typeof signature === 'string' ? signature : undefined);
    const claim = await this.claims.claim(this.provider.name, event);
    if (!claim.claimed) return { received: true, duplicate: true, outcome: claim.outcome };
    try {
      const { outcome, detail } = describeOutcome(await this.apply.execute(systemContext(`webhook:${event.id}`), event));
      await this.claims.finish(event.id, claim.claimId, outcome, detail);
      return { received: true, duplicate: false, outcome };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      await this.claims
        .release(claim.claimId, detail)
        .catch((releaseError: unknown) =>
          this.logger.warn(`webhook ${event.id} stays claimed until its lease runs out: ${String(releaseError)}`),
        );
      this.logger.error(`webhook ${event.id} (${event.providerType}) failed; the provider will retry: ${detail}`);
      throw error;
    }
  }
}
