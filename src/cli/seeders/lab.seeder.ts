import type { INestApplicationContext } from '@nestjs/common';
import type { SeedProgress } from '../seed-progress.js';

/** Seeds lab; answers how many documents were new. */
export async function seedLab(_app: INestApplicationContext, _progress: SeedProgress): Promise<number> {
  return 0;
}
