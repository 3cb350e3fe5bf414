/** The public surface of files: the module, its services' types and the events it publishes. */
export { FilesModule } from './files.module.js';
