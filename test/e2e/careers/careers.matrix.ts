import type { MatrixRow } from '../access/route-matrix.js';

/** Expected status per careers route and caller. */
export const CAREERS_MATRIX: Record<string, MatrixRow> = {};
