/** Mail's public surface: the module, the service other modules send with, and the template shapes they register. */
export { MailModule } from './mail.module.js';
export { MailService, type EnqueueRequest } from './mail.service.js';
export { EmailWorker, type DrainOptions, type DrainResult } from './email-worker.js';
export { layoutEmail, type EmailSource } from './email-layout.js';
export { UnknownTemplateError, type MailTemplate, type RenderedEmail } from './mail-templates.js';
