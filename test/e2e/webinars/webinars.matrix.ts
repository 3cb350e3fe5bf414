import type { MatrixRow } from '../access/route-matrix.js';

/** Expected status per webinars route and caller. */
export const WEBINARS_MATRIX: Record<string, MatrixRow> = {};
