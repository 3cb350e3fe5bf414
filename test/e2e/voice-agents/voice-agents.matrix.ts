import type { MatrixRow } from '../access/route-matrix.js';

export const VOICE_AGENTS_MATRIX: Record<string, MatrixRow> = {};
