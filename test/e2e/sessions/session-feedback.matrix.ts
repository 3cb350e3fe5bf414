import { Types } from 'mongoose';
import type { MatrixRow } from '../access/route-matrix.js';
import { sessionInState } from '../../support/factories/session-effects.js';

/** A completed session the owner took as its learner, with a teacher of its own. */
async function ownersCompletedSession(context: Parameters<MatrixRow['request']>[0]): Promise<string> {
  const session = await sessionInState(context.t.app, {
    teacherId: new Types.ObjectId().toString(),
    learnerId: context.owner.id,
    status: 'completed',
    startInMinutes: -120,
  });
  return session._id.toString();
}

/** The feedback route's row: only participants rate; staff see the session but may not rate it; others do not see it. */
export const SESSION_FEEDBACK_MATRIX: Record<string, MatrixRow> = {
  'POST /api/sessions/{id}/feedback': {
    request: async (context) => ({
      params: { id: await ownersCompletedSession(context) },
      body: { rating: 5, comment: 'Clear and patient' },
    }),
    expect: { anonymous: 401, owner: 201, other: 404, staff: 403, admin: 403 },
  },
};
