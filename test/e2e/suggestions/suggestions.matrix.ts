import type { MatrixRow } from '../access/route-matrix.js';

/** Expected status per suggestions route and caller. */
export const SUGGESTIONS_MATRIX: Record<string, MatrixRow> = {};
