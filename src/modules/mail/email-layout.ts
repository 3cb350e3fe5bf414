import type { MailTemplate } from './mail-templates.js';

export interface EmailSource {
  name: string;
  subject: string;
  /** Paragraphs separated by a blank line; Handlebars variables and blocks may appear anywhere. */
  body: string;
  /** A button in HTML, a "label: url" line in text; shown only when the url's variable is set. */
  action?: { label: string; url: string };
}

/** The variable that must be present for the action link to be shown. */
const actionGuard = (url: string) => /\{\{(\w+)\}\}/.exec(url)?.[1] ?? 'baseUrl';

/** The platform's one email layout: the same body as escaped HTML paragraphs and as plain text. */
export function layoutEmail(source: EmailSource): MailTemplate {
  const { action } = source;
  const guard = action ? actionGuard(action.url) : undefined;
  const html =
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#222">' +
    source.body
      .split('\n\n')
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join('') +
    (action ? `{{#if ${guard}}}<p><a href="${action.url}">${action.label}</a></p>{{/if}}` : '') +
    '</body></html>';
  const text = source.body + (action ? `{{#if ${guard}}}\n\n${action.label}: ${action.url}{{/if}}` : '');
  return { name: source.name, subject: source.subject, html, text };
}
