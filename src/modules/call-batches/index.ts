/** The call batches context's public surface: the module (it exports no service; it listens to call.completed). */
export { CallBatchesModule } from './call-batches.module.js';
