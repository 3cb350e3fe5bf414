import type { MatrixRow } from '../access/route-matrix.js';

/** Expected status per personalization route and caller. */
export const PERSONALIZATION_MATRIX: Record<string, MatrixRow> = {};
