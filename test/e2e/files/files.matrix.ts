import type { MatrixRow } from '../access/route-matrix.js';

/** Expected status per files route and caller. */
export const FILES_MATRIX: Record<string, MatrixRow> = {};
