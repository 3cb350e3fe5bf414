import { describe, expect, it } from 'vitest';
import { layoutEmail } from './email-layout.js';
import { MailTemplates } from './mail-templates.js';

const reply = layoutEmail({
  name: 'ticket-reply',
  subject: 'New reply on ticket {{ticketNumber}}',
  body: 'Hello {{name}},\n\n{{author}} replied:\n\n{{reply}}',
  action: { label: 'View the ticket', url: '{{url}}' },
});
const plain = layoutEmail({
  name: 'notification',
  subject: '{{title}}',
  body: '{{body}}',
  action: { label: 'Open', url: '{{actionUrl}}' },
});

function registry(...templates: ReturnType<typeof layoutEmail>[]): MailTemplates {
  const registered = new MailTemplates();
  registered.register(...templates);
  return registered;
}

describe('email templates', () => {
  it('renders a registered template in HTML and text', () => {
    const email = registry(reply).render('ticket-reply', {
      name: 'Ada',
      ticketNumber: 'T-1',
      author: 'Sam',
      reply: 'Done',
      url: 'https://x.test/t/1',
    });
    expect(email.subject).toBe('New reply on ticket T-1');
    expect(email.html).toContain('<html>');
    expect(email.html).toContain('<a href="https://x.test/t/1">View the ticket</a>');
    expect(email.text).toContain('View the ticket: https://x.test/t/1');
  });

  it('escapes variables in HTML but not in text', () => {
    const email = registry(reply).render('ticket-reply', {
      name: 'Ada',
      author: '<script>x</script>',
      reply: 'a & b',
      url: 'https://x.test',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.text).toContain('a & b');
  });

  it('keeps a subject on one line', () => {
    expect(registry(plain).render('notification', { title: 'a\r\nBcc: evil@x.test', body: 'b' }).subject).toBe('a Bcc: evil@x.test');
  });

  it('omits the action link when its URL is missing', () => {
    expect(registry(plain).render('notification', { title: 't', body: 'b' }).html).not.toContain('<a ');
  });

  it('refuses to render a template no module registered', () => {
    expect(() => registry(plain).render('welcome', {})).toThrow(/email template welcome is not registered/);
  });

  it('refuses a template registered twice, a name that is not kebab-case, and a syntax error, at registration', () => {
    expect(() => registry(plain, plain)).toThrow(/registered twice/);
    expect(() => registry({ ...plain, name: 'Not Kebab' })).toThrow(/kebab-case/);
    expect(() => registry({ ...plain, name: 'broken', html: '{{#if x}}never closed' })).toThrow();
  });

  it('stops the boot when a module requires a template that nobody registered', () => {
    const templates = registry(plain);
    templates.require('notifications', 'notification', 'payment-receipt');
    expect(() => templates.onApplicationBootstrap()).toThrow(/payment-receipt \(sent by notifications\)/);
    templates.register(layoutEmail({ name: 'payment-receipt', subject: 'Receipt', body: 'Thanks' }));
    expect(() => templates.onApplicationBootstrap()).not.toThrow();
  });
});
