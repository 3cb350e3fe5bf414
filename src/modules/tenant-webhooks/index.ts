/** The tenant webhooks context's public surface: the module (it reacts to other contexts' events; nothing to call). */
export { TenantWebhooksModule } from './tenant-webhooks.module.js';
