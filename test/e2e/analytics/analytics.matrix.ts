import type { MatrixRow } from '../access/route-matrix.js';

/** Expected status per analytics route and caller. */
export const ANALYTICS_MATRIX: Record<string, MatrixRow> = {};
