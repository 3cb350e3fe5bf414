import type { INestApplicationContext } from '@nestjs/common';
import type { SeedProgress } from '../seed-progress.js';

/** Seeds suggestions; answers how many documents were new. */
export async function seedSuggestions(_app: INestApplicationContext, _progress: SeedProgress): Promise<number> {
  return 0;
}
