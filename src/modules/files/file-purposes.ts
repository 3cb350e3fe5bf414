/** What a file is for; each purpose names the types (detected from the bytes) and the size it accepts. */
export const FILE_PURPOSES = ['resume', 'avatar', 'attachment'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** Text types cannot be recognised by signature; they are allowed only where a purpose lists them (see content-type.ts). */
export const TEXT_TYPES = ['text/plain', 'text/csv', 'application/json'] as const;
export type TextType = (typeof TEXT_TYPES)[number];

const MiB = 1024 * 1024;

const DOCUMENTS = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/rtf',
] as const;
const IMAGES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

export interface PurposeRule {
  /** Detected content types accepted; anything else is 415. */
  types: readonly string[];
  /** Upper bound in bytes; UPLOAD_MAX_BYTES applies on top when it is lower. */
  maxBytes: number;
}

export const PURPOSE_RULES: Record<FilePurpose, PurposeRule> = {
  resume: { types: [...DOCUMENTS, 'text/plain'], maxBytes: 10 * MiB },
  avatar: { types: IMAGES, maxBytes: 5 * MiB },
  attachment: { types: [...DOCUMENTS, ...IMAGES, 'application/zip', ...TEXT_TYPES], maxBytes: Number.MAX_SAFE_INTEGER },
};

/** The size a purpose accepts under the configured ceiling. */
export const maxBytesFor = (purpose: FilePurpose, uploadMaxBytes: number): number =>
  Math.min(PURPOSE_RULES[purpose].maxBytes, uploadMaxBytes);
