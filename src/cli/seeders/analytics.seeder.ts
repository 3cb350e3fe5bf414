import type { INestApplicationContext } from '@nestjs/common';
import type { SeedProgress } from '../seed-progress.js';

/** Seeds analytics; answers how many documents were new. */
export async function seedAnalytics(_app: INestApplicationContext, _progress: SeedProgress): Promise<number> {
  return 0;
}
