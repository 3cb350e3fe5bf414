/** The health probes' public surface: the module. */
export { HealthModule } from './health.module.js';
