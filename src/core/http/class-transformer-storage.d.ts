// class-transformer's store of decorator rules: the package exports it from this file only.
declare module 'class-transformer/cjs/storage.js' {
  export const defaultMetadataStorage: unknown;
}
