import type { INestApplicationContext } from '@nestjs/common';
import type { SeedProgress } from '../seed-progress.js';

/** Seeds favorites; answers how many documents were new. */
export async function seedFavorites(_app: INestApplicationContext, _progress: SeedProgress): Promise<number> {
  return 0;
}
