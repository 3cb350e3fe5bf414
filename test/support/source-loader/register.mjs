// `node --import ./test/support/source-loader/register.mjs src/main.ts` runs the application from its
// TypeScript sources (SWC, with decorator metadata), so process-level tests need no prior build.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
