import type { MatrixRow } from '../access/route-matrix.js';

/** Expected status per lab route and caller. */
export const LAB_MATRIX: Record<string, MatrixRow> = {};
