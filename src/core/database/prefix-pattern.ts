/**
 * A regular expression source that matches `text` literally. Metacharacters are escaped, and so are control
 * characters: a BSON regex is a C string, so a NUL typed into a search box would otherwise make the driver
 * refuse the whole query. `\xNN` reaches the server as plain ASCII and still matches the character.
 */
export const literalPattern = (text: string): string =>
  text
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** Anchored "starts with" source for prefix searches, which an ascending index on the field can serve. */
export const prefixPattern = (text: string): string => `^${literalPattern(text)}`;
