import type { MatrixRow } from '../access/route-matrix.js';

/** Expected status per favorites route and caller. */
export const FAVORITES_MATRIX: Record<string, MatrixRow> = {};
