import { Injectable } from '@nestjs/common';
import { UserDirectory } from '../identity/index.js';

/** How the board names people who chose no public name: never by their address. */
export const ANONYMOUS_MEMBER = 'Atrium member';
/** What a deleted account's suggestions show as their author. */
export const FORMER_MEMBER = 'Former member';

/** What the board asks identity's directory: the name a member shows others. */
@Injectable()
export class SuggestionsPeople {
  constructor(private readonly users: UserDirectory) {}

  async publicName(id: string): Promise<string> {
    return (await this.users.contactOf(id))?.publicName ?? ANONYMOUS_MEMBER;
  }
}
