import type { INestApplicationContext } from '@nestjs/common';
import type { SeedProgress } from '../seed-progress.js';

/** Seeds files; answers how many documents were new. */
export async function seedFiles(_app: INestApplicationContext, _progress: SeedProgress): Promise<number> {
  return 0;
}
