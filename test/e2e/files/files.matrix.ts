import type { Actor, MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { everyone, signedIn } from '../access/expectations.js';
import { storedFile } from '../../support/factories/files.js';
import { FilesService } from '../../../src/modules/files/files.service.js';

/** The uploader or the staff; for anyone else the file does not exist. */
const uploaderOrStaff = (status: number): Record<Actor, number> => ({
  anonymous: 401,
  owner: status,
  other: 404,
  staff: status,
  admin: status,
});

const ownerFile = async (context: ProbeContext) => ({
  params: { fileId: (await storedFile(context.t.app, { ownerId: context.owner.id })).id },
});

/** Expected status per files route and caller. */
export const FILES_MATRIX: Record<string, MatrixRow> = {
  // The probe sends JSON, never multipart: past the access guard every caller gets the upload route's 415.
  'POST /api/files': { request: () => ({ body: { purpose: 'avatar' } }), expect: signedIn(415) },
  'GET /api/files/{fileId}': { request: ownerFile, expect: uploaderOrStaff(200) },
  'GET /api/files/{fileId}/download-url': { request: ownerFile, expect: uploaderOrStaff(200) },
  'DELETE /api/files/{fileId}': { request: ownerFile, expect: uploaderOrStaff(204) },
  // The link is the credential: whoever holds a valid one downloads, signed in or not.
  'GET /api/files/download/{token}': {
    request: async (context) => {
      const file = await storedFile(context.t.app, { ownerId: context.owner.id });
      const url = new URL((await context.t.app.get(FilesService).downloadUrlFor(file.id)).url);
      return { params: { token: url.pathname.split('/').pop()! }, query: Object.fromEntries(url.searchParams) };
    },
    expect: everyone(200),
  },
};
