import type { MatrixRow } from '../access/route-matrix.js';
import { SESSION_CORE_MATRIX } from './session-core.matrix.js';
import { SESSION_FEEDBACK_MATRIX } from './session-feedback.matrix.js';

/** Expected status per sessions route and caller. */
export const SESSIONS_MATRIX: Record<string, MatrixRow> = {
  ...SESSION_CORE_MATRIX,
  ...SESSION_FEEDBACK_MATRIX,
};
