import type { MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { everyone, signedIn, staffOnly } from '../access/expectations.js';

const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

const suggestionBody = () => ({
  title: 'Matrix suggestion',
  description: 'A suggestion made for the authorization matrix.',
  category: 'improvement',
  tags: ['matrix'],
});

async function ownerSuggestion(context: ProbeContext): Promise<string> {
  const response = await context.t.http().post('/api/suggestions').set(as(context.owner)).send(suggestionBody());
  return response.body.id;
}

async function commentOnOwnerSuggestion(context: ProbeContext): Promise<{ suggestionId: string; commentId: string }> {
  const suggestionId = await ownerSuggestion(context);
  const response = await context.t
    .http()
    .post(`/api/suggestions/${suggestionId}/comments`)
    .set(as(context.other))
    .send({ body: 'A comment to moderate.' });
  return { suggestionId, commentId: response.body.id };
}

/** The feedback board's rows of the authorization matrix: the board is public, acting on it needs an account, the desk is staff's. */
export const SUGGESTIONS_MATRIX: Record<string, MatrixRow> = {
  'POST /api/suggestions': { request: () => ({ body: suggestionBody() }), expect: signedIn(201) },
  'GET /api/suggestions': { request: () => ({ query: { sort: 'score' } }), expect: everyone(200) },
  'GET /api/suggestions/desk': { request: () => ({ query: { hidden: 'false' } }), expect: staffOnly(200) },
  'GET /api/suggestions/user/{userId}': { request: ({ owner }) => ({ params: { userId: owner.id } }), expect: everyone(200) },
  'GET /api/suggestions/{suggestionId}': {
    request: async (context) => ({ params: { suggestionId: await ownerSuggestion(context) } }),
    expect: everyone(200),
  },
  'POST /api/suggestions/{suggestionId}/vote': {
    request: async (context) => ({ params: { suggestionId: await ownerSuggestion(context) }, body: { direction: 'up' } }),
    expect: signedIn(200),
  },
  'POST /api/suggestions/{suggestionId}/comments': {
    request: async (context) => ({ params: { suggestionId: await ownerSuggestion(context) }, body: { body: 'Me too.' } }),
    expect: signedIn(201),
  },
  'POST /api/suggestions/{suggestionId}/status': {
    request: async (context) => ({ params: { suggestionId: await ownerSuggestion(context) }, body: { to: 'under_review' } }),
    expect: staffOnly(200),
  },
  'PATCH /api/suggestions/{suggestionId}/implementation': {
    request: async (context) => ({ params: { suggestionId: await ownerSuggestion(context) }, body: { targetRelease: '2027.1' } }),
    expect: staffOnly(200),
  },
  'POST /api/suggestions/{suggestionId}/moderation': {
    request: async (context) => ({ params: { suggestionId: await ownerSuggestion(context) }, body: { hidden: true, reason: 'Duplicate' } }),
    expect: staffOnly(200),
  },
  'POST /api/suggestions/{suggestionId}/comments/{commentId}/moderation': {
    request: async (context) => ({ params: await commentOnOwnerSuggestion(context), body: { hidden: true } }),
    expect: staffOnly(200),
  },
};
