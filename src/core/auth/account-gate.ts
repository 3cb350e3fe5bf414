import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ACCOUNT_STATE_SOURCE, type AccountStateSource } from './account-state.js';
import { AccountStateCache } from './account-state.cache.js';
import type { VerifiedToken } from './token-verifier.js';

/**
 * A signed token is not enough: the account must still be active with the same role, the token
 * issued after the account's cut-off, and its session still open. Checked against MongoDB through
 * a short per-instance cache, so a deactivation, deletion, logout or revocation on any instance
 * stops the token everywhere within seconds.
 */
@Injectable()
export class AccountGate implements OnModuleInit {
  private source!: AccountStateSource;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly cache: AccountStateCache,
  ) {}

  /** The accounts' context provides the source; without one the application does not start. */
  onModuleInit(): void {
    this.source = this.moduleRef.get<AccountStateSource>(ACCOUNT_STATE_SOURCE, { strict: false });
  }

  async admits({ actor, issuedAt }: VerifiedToken): Promise<boolean> {
    const state = await this.cache.get(actor.id, actor.sessionId, () => this.source.load(actor.id, actor.sessionId));
    if (!state?.active || !state.sessionActive || state.role !== actor.role) return false;
    return state.tokensValidAfter === undefined || issuedAt >= state.tokensValidAfter;
  }
}
