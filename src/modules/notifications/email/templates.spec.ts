import { describe, expect, it } from 'vitest';
import { renderEmail, TEMPLATE_NAMES } from './templates.js';

describe('email templates', () => {
  it('renders every template in HTML and text', () => {
    for (const name of TEMPLATE_NAMES) {
      const email = renderEmail(name, { name: 'Ada', amount: '€10.00', title: 'Hi', body: 'Body', baseUrl: 'https://atrium.test' });
      expect(email.subject.length).toBeGreaterThan(0);
      expect(email.html).toContain('<html>');
      expect(email.text.length).toBeGreaterThan(0);
    }
  });

  it('escapes variables in HTML but not in text', () => {
    const email = renderEmail('ticket-reply', {
      name: 'Ada',
      author: '<script>x</script>',
      ticketSubject: 'Help',
      reply: 'a & b',
      ticketNumber: 'T-1',
      url: 'https://x.test/t/1',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.text).toContain('a & b');
    expect(email.text).toContain('View the ticket: https://x.test/t/1');
  });

  it('keeps a subject on one line', () => {
    expect(renderEmail('notification', { title: 'a\r\nBcc: evil@x.test', body: 'b' }).subject).toBe('a Bcc: evil@x.test');
  });

  it('omits the action link when its URL is missing', () => {
    expect(renderEmail('notification', { title: 't', body: 'b' }).html).not.toContain('<a ');
  });
});
