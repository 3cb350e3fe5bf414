import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ACROSS_TENANTS } from '../database/tenant-scoped.js';
import { EffectsRelay } from '../events/effects-relay.js';
import { QueueDepths } from './queue-depths.js';

/** A slow oldest-effect read under a huge backlog gives up rather than holding the scrape. */
const OLDEST_MAX_TIME_MS = 2_000;

/**
 * The owed effects' backlog, over every collection that carries them (read when scraped, so carriers
 * registered later count too). Pending and dead count documents owing at least one such effect: one
 * count on the relay's `effects.state` index per collection. The backlog spans tenants by nature, so the reads
 * say so to the tenant-scoped collections among the carriers.
 */
@Injectable()
export class EffectsQueueDepth implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly depths: QueueDepths,
  ) {}

  onModuleInit(): void {
    this.depths.register({
      name: 'effects',
      pending: () => this.countWith('pending'),
      dead: () => this.countWith('dead'),
      oldestPendingAgeSeconds: () => this.oldestPendingAgeSeconds(),
    });
  }

  private async countWith(state: 'pending' | 'dead'): Promise<number> {
    const counts = await Promise.all(
      this.relay.carrierModels().map((model) => model.countDocuments({ 'effects.state': state }).setOptions(ACROSS_TENANTS)),
    );
    return counts.reduce((sum, count) => sum + count, 0);
  }

  /**
   * Since the earliest pending effect fell due (0 when none is pending, or every pending one waits for its retry). A sort on
   * `effects.dueAt` would order documents by their earliest effect of any state, done ones included, so the
   * pending effects of the documents owing any are unwound instead; that set stays small while the relay keeps up.
   */
  private async oldestPendingAgeSeconds(): Promise<number> {
    const earliest = await Promise.all(
      this.relay.carrierModels().map(async (model) => {
        const [row] = await model
          .aggregate<{ dueAt: Date }>([
            { $match: { 'effects.state': 'pending' } },
            { $unwind: '$effects' },
            { $match: { 'effects.state': 'pending' } },
            { $group: { _id: null, dueAt: { $min: '$effects.dueAt' } } },
          ])
          .option({ maxTimeMS: OLDEST_MAX_TIME_MS, ...ACROSS_TENANTS });
        return row?.dueAt?.getTime();
      }),
    );
    const due = earliest.filter((time): time is number => time !== undefined);
    if (due.length === 0) return 0;
    return Math.max(0, (Date.now() - Math.min(...due)) / 1000);
  }
}
