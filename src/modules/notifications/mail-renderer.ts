import { Injectable } from '@nestjs/common';
import hbs from 'hbs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from 'src/config/app-config';
import { formatLocalDate } from 'src/common/views/view-helpers';

/** views/mail at the project root, from src/modules/notifications or from dist/src/modules/notifications. */
export const MAIL_VIEWS_DIR = join(
  __dirname,
  __dirname.includes(join('dist', 'src')) ? '../../../..' : '../../..',
  'views',
  'mail',
);

const PARTS = ['subject', 'text', 'html'] as const;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Compiled = Record<(typeof PARTS)[number], (context: object) => string>;

/**
 * Renders a mail from views/mail/<template>/{subject,text,html}.hbs, in its own Handlebars
 * environment: the HTML part escapes every value, the subject and the text part are plain text.
 * Templates may use `{{url "/lacak"}}` for a link on APP_URL, `{{appUrl}}`, and `{{tanggal date}}`
 * for a YYYY-MM-DD date in words; views/mail/layout.hbs is the partial `layout` of the HTML parts.
 */
@Injectable()
export class MailRenderer {
  private readonly handlebars = hbs.create().handlebars;
  private readonly compiled = new Map<string, Compiled>();

  constructor(private readonly config: AppConfig) {
    const appUrl = config.appUrl;
    this.handlebars.registerHelper('url', (path: unknown) => `${appUrl}${typeof path === 'string' ? path : ''}`);
    this.handlebars.registerHelper('tanggal', (date: unknown) => (typeof date === 'string' ? formatLocalDate(date) : ''));
    const layout = join(MAIL_VIEWS_DIR, 'layout.hbs');
    if (existsSync(layout)) this.handlebars.registerPartial('layout', readFileSync(layout, 'utf8'));
  }

  /** Whether views/mail/<template>/ has all three parts. */
  has(template: string): boolean {
    return isTemplateName(template) && PARTS.every((part) => existsSync(join(MAIL_VIEWS_DIR, template, `${part}.hbs`)));
  }

  render(template: string, data: Record<string, unknown>): RenderedMail {
    const parts = this.load(template);
    const context = { ...data, appUrl: this.config.appUrl };
    return {
      // A header: one line, whatever the data holds.
      subject: parts.subject(context).replace(/\s+/g, ' ').trim(),
      text: `${parts.text(context).trim()}\n`,
      html: parts.html(context),
    };
  }

  private load(template: string): Compiled {
    const cached = this.compiled.get(template);
    if (cached) return cached;
    if (!this.has(template)) throw new Error(`mail template ${template} not found under views/mail`);
    const source = (part: string): string => readFileSync(join(MAIL_VIEWS_DIR, template, `${part}.hbs`), 'utf8');
    const compiled: Compiled = {
      subject: this.handlebars.compile(source('subject'), { noEscape: true }),
      text: this.handlebars.compile(source('text'), { noEscape: true }),
      html: this.handlebars.compile(source('html')),
    };
    // Re-read in development, so a template being edited shows at once.
    if (this.config.nodeEnv !== 'development') this.compiled.set(template, compiled);
    return compiled;
  }
}

function isTemplateName(template: string): boolean {
  return /^[a-z][a-z0-9_]*$/.test(template);
}
