import { HttpStatus } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ProblemException } from '../http/problem.js';

/** What a signed download link grants: one object, until a moment, as an attachment with this name and type. */
export interface DownloadGrant {
  key: string;
  fileName: string;
  contentType: string;
  expiresAt: Date;
}

/** The link's parts: the token travels in the path, the values it signs in the query (k, n, t). */
export interface SignedDownload {
  token: string;
  query: { k: string; n: string; t: string };
}

const VERSION = 'v1';
/** Tokens stay far below the router's 100-character limit on a path segment: expiry and signature only. */
const TOKEN = /^([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/;

/** The shape of a link's token, for the document: its expiry in base 36, then its signature. */
export const DOWNLOAD_TOKEN_PATTERN = TOKEN.source;

export class DownloadLinkInvalid extends ProblemException {
  constructor() {
    super(HttpStatus.FORBIDDEN, 'download-link-invalid', 'Download link invalid', 'This download link is not valid.');
  }
}

export class DownloadLinkExpired extends ProblemException {
  constructor() {
    super(HttpStatus.GONE, 'download-link-expired', 'Download link expired', 'This download link has expired; ask for a new one.');
  }
}

/**
 * Signs and checks the local adapter's download links (HMAC-SHA256). The signing key is derived from the
 * application secret for this use only, so a link's signature can never stand in for another credential.
 */
export class DownloadTokens {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createHmac('sha256', secret).update('atrium:file-download').digest();
  }

  sign(grant: DownloadGrant): SignedDownload {
    const expiry = Math.floor(grant.expiresAt.getTime() / 1000).toString(36);
    return { token: `${expiry}.${this.signature(expiry, grant)}`, query: { k: grant.key, n: grant.fileName, t: grant.contentType } };
  }

  /** The grant the link carries; a link whose signature does not match is refused before its expiry is even read. */
  verify(token: string, query: { k: string; n: string; t: string }): DownloadGrant {
    const match = TOKEN.exec(token);
    if (!match) throw new DownloadLinkInvalid();
    const [, expiry, given] = match;
    const grant = { key: query.k, fileName: query.n, contentType: query.t, expiresAt: new Date(parseInt(expiry, 36) * 1000) };
    const expected = Buffer.from(this.signature(expiry, grant));
    if (!timingSafeEqual(Buffer.from(given), expected)) throw new DownloadLinkInvalid();
    if (grant.expiresAt.getTime() <= this.now()) throw new DownloadLinkExpired();
    return grant;
  }

  private signature(expiry: string, grant: Omit<DownloadGrant, 'expiresAt'>): string {
    // Newline-separated: none of the signed values may contain one (names are sanitized, keys and types are plain).
    return createHmac('sha256', this.key)
      .update([VERSION, expiry, grant.key, grant.fileName, grant.contentType].join('\n'))
      .digest('base64url');
  }
}
