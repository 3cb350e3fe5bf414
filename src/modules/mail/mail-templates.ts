import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import Handlebars from 'handlebars';

/**
 * An email template as its owning module contributes it: Handlebars sources for the subject, the
 * HTML body (variables escaped) and the plain-text body (variables as they are).
 */
export interface MailTemplate {
  name: string;
  subject: string;
  html: string;
  text: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

interface Compiled {
  subject: Handlebars.TemplateDelegate;
  html: Handlebars.TemplateDelegate;
  text: Handlebars.TemplateDelegate;
}

const NAME = /^[a-z][a-z0-9-]{0,59}$/;

/** A template name no module registered: a programming error, reported as loudly as possible. */
export class UnknownTemplateError extends Error {}

/**
 * The email templates of every module. Each module registers its own (`<context>.templates.ts`) in its
 * onModuleInit; a module that sends a template another one owns names it with `require`, and the
 * application refuses to boot when a required template was never registered. Rendering an unknown
 * template throws.
 */
@Injectable()
export class MailTemplates implements OnApplicationBootstrap {
  private readonly compiled = new Map<string, Compiled>();
  private readonly required = new Map<string, string>();

  register(...templates: MailTemplate[]): void {
    for (const template of templates) {
      if (!NAME.test(template.name)) throw new Error(`email template name "${template.name}" is not kebab-case`);
      if (this.compiled.has(template.name)) throw new Error(`email template ${template.name} is registered twice`);
      // Parsing now turns a syntax error into a boot failure instead of a failed send later.
      for (const source of [template.subject, template.html, template.text]) Handlebars.parse(source);
      this.compiled.set(template.name, {
        subject: Handlebars.compile(template.subject, { noEscape: true }),
        html: Handlebars.compile(template.html),
        text: Handlebars.compile(template.text, { noEscape: true }),
      });
    }
  }

  /** Names templates `by` will send, checked once every module has registered its own. */
  require(by: string, ...names: string[]): void {
    for (const name of names) this.required.set(name, by);
  }

  has(name: string): boolean {
    return this.compiled.has(name);
  }

  names(): string[] {
    return [...this.compiled.keys()].sort();
  }

  render(name: string, variables: Record<string, unknown>): RenderedEmail {
    const template = this.compiled.get(name);
    if (!template) throw new UnknownTemplateError(`email template ${name} is not registered by any module`);
    return {
      // One line: a variable with a line break must not add headers.
      subject: template
        .subject(variables)
        .replace(/[\r\n]+/g, ' ')
        .slice(0, 300),
      html: template.html(variables),
      text: template.text(variables),
    };
  }

  /** Every module's onModuleInit has run: a required template nobody registered stops the boot. */
  onApplicationBootstrap(): void {
    const missing = [...this.required].filter(([name]) => !this.compiled.has(name));
    if (missing.length > 0)
      throw new UnknownTemplateError(
        `email templates used but never registered: ${missing.map(([name, by]) => `${name} (sent by ${by})`).join(', ')}`,
      );
  }
}
