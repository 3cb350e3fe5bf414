// class-transformer's store of decorator rules: the package exports it from this file only.
declare module 'class-transformer/cjs/storage.js' {
  export const defaultMetadataStorage: unknown;
}

// The options plainToInstance runs with when given none, handed to every @Transform() function.
declare module 'class-transformer/cjs/constants/default-options.constant.js' {
  export const defaultOptions: unknown;
}
