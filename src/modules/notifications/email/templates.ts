import Handlebars from 'handlebars';

export const TEMPLATE_NAMES = [
  'welcome',
  'password-changed',
  'ticket-reply',
  'ticket-status-changed',
  'consultation-update',
  'payment-receipt',
  'session-reminder',
  'email-confirm',
  'notification',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

interface TemplateSource {
  subject: string;
  /** Body paragraphs; the HTML version escapes every variable, the text version prints them as they are. */
  body: string;
  action?: { label: string; url: string };
}

const SOURCES: Record<TemplateName, TemplateSource> = {
  welcome: {
    subject: 'Welcome to Atrium, {{name}}',
    body: 'Hello {{name}},\n\nyour account is ready. Sign in any time to pick up where you left off.',
    action: { label: 'Open Atrium', url: '{{baseUrl}}' },
  },
  'password-changed': {
    subject: 'Your Atrium password was changed',
    body: 'Hello {{name}},\n\nyour password was changed and your other devices were signed out. If this was not you, reset your password now.',
  },
  'ticket-reply': {
    subject: 'New reply on ticket {{ticketNumber}}',
    body: 'Hello {{name}},\n\n{{author}} replied to your ticket "{{ticketSubject}}":\n\n{{reply}}',
    action: { label: 'View the ticket', url: '{{url}}' },
  },
  'ticket-status-changed': {
    subject: 'Ticket {{ticketNumber}} is {{status}}',
    body: 'Hello {{name}},\n\nyour ticket "{{ticketSubject}}" is now {{status}}.{{#if note}}\n\n{{note}}{{/if}}',
    action: { label: 'View the ticket', url: '{{url}}' },
  },
  'consultation-update': {
    subject: 'Consultation {{change}}',
    body: 'Hello {{name}},\n\n{{headline}}.{{#if when}} Time: {{when}}.{{/if}}{{#if meetingUrl}}\n\nJoin at {{meetingUrl}}{{/if}}{{#if reason}}\n\n{{reason}}{{/if}}',
    action: { label: 'View the consultation', url: '{{url}}' },
  },
  'payment-receipt': {
    subject: 'Receipt: {{amount}}',
    body: 'Hello {{name}},\n\nwe received your payment of {{amount}}{{#if description}} for {{description}}{{/if}}. Reference: {{transactionId}}.',
  },
  'session-reminder': {
    subject: 'Reminder: {{sessionTitle}} starts {{startsAt}}',
    body: 'Hello {{name}},\n\nyour session "{{sessionTitle}}" starts {{startsAt}}.',
    action: { label: 'Join the session', url: '{{url}}' },
  },
  'email-confirm': {
    subject: 'Confirm your subscription',
    body: 'Please confirm that you want emails from Atrium at this address. If you did not ask for this, ignore this message.',
    action: { label: 'Confirm', url: '{{confirmUrl}}' },
  },
  notification: {
    subject: '{{title}}',
    body: '{{body}}',
    action: { label: '{{actionLabel}}', url: '{{actionUrl}}' },
  },
};

interface Compiled {
  subject: Handlebars.TemplateDelegate;
  html: Handlebars.TemplateDelegate;
  text: Handlebars.TemplateDelegate;
}

function compile(source: TemplateSource): Compiled {
  const paragraphs = source.body.split('\n\n');
  const action = source.action;
  const html =
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#222">` +
    paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('') +
    (action ? `{{#if ${actionGuard(action)}}}<p><a href="${action.url}">${action.label}</a></p>{{/if}}` : '') +
    `</body></html>`;
  const text = source.body + (action ? `{{#if ${actionGuard(action)}}}\n\n${action.label}: ${action.url}{{/if}}` : '');
  return {
    subject: Handlebars.compile(source.subject, { noEscape: true, strict: false }),
    html: Handlebars.compile(html, { strict: false }),
    text: Handlebars.compile(text, { noEscape: true, strict: false }),
  };
}

/** The variable that must be present for the action link to be shown. */
function actionGuard(action: { url: string }): string {
  return /\{\{(\w+)\}\}/.exec(action.url)?.[1] ?? 'baseUrl';
}

const COMPILED = Object.fromEntries(Object.entries(SOURCES).map(([name, source]) => [name, compile(source)])) as Record<
  TemplateName,
  Compiled
>;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Renders a platform email: HTML (variables escaped) and plain text. */
export function renderEmail(template: TemplateName, variables: Record<string, unknown>): RenderedEmail {
  const compiled = COMPILED[template];
  return {
    subject: compiled
      .subject(variables)
      .replace(/[\r\n]+/g, ' ')
      .slice(0, 300),
    html: compiled.html(variables),
    text: compiled.text(variables),
  };
}
