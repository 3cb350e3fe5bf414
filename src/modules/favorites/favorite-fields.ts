/** What a user can keep as a favorite: the kinds of item the product shows. */
export const FAVORITE_TYPES = ['agent', 'tool', 'prompt', 'template', 'workflow', 'content', 'experiment'] as const;
export type FavoriteType = (typeof FAVORITE_TYPES)[number];

/** An item's id in its own catalogue: a slug or an ObjectId, never free text. */
export const ITEM_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$';
export const ITEM_ID_MAX = 128;

export const FOLDER_MAX = 64;
export const TITLE_MAX = 200;
export const NOTES_MAX = 2000;
export const METADATA_MAX_KEYS = 20;
export const METADATA_KEY_MAX = 64;
export const METADATA_VALUE_MAX = 500;

/** A folder name as stored and shown: trimmed, inner runs of spaces made one. */
export const normalizeFolder = (name: string): string => name.trim().replace(/\s+/g, ' ');

/** What makes two folder names the same folder: "Work", " work " and "WORK" are one. */
export const folderKeyOf = (name: string): string => normalizeFolder(name).toLowerCase();
