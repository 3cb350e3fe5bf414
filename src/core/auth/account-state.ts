import type { Role } from './roles.js';

/** What the guard must know of an account beyond its token, read from the database. */
export interface AccountState {
  /** Neither deactivated nor deleted. */
  active: boolean;
  role: Role;
  /** Access tokens issued before this second (epoch seconds) no longer count. */
  tokensValidAfter?: number;
  /** The token's session is neither revoked nor expired. */
  sessionActive: boolean;
}

/** Implemented by the context that owns accounts; the guard asks it whenever its cache has no fresh answer. */
export interface AccountStateSource {
  /** Undefined when there is no such account. */
  load(userId: string, sessionId: string): Promise<AccountState | undefined>;
}

export const ACCOUNT_STATE_SOURCE = Symbol('AccountStateSource');
