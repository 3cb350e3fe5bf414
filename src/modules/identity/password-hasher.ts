import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

/**
 * OWASP's first recommended argon2id setting (19 MiB, 2 passes, 1 lane): memory-hard enough against
 * GPU guessing, yet about 20 ms per hash, so sign-ins do not queue up on a 2-core host.
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  /** Verified against when the email is unknown, so both answers take the same time. */
  private readonly decoy = argon2.hash('decoy password that matches nothing', ARGON2_OPTIONS);

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}
