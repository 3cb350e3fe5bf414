import type { INestApplicationContext } from '@nestjs/common';
import type { SeedProgress } from '../seed-progress.js';

/** Seeds webinars; answers how many documents were new. */
export async function seedWebinars(_app: INestApplicationContext, _progress: SeedProgress): Promise<number> {
  return 0;
}
