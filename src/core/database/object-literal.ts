/** A plain `{ … }` object: not an array, a class instance (ObjectId, Date, a document) or null. */
export const isObjectLiteral = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null);
