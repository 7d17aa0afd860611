/**
 * cucumber's own two reports, cucumber-messages.ndjson (its `message` format) and cucumber.html (its
 * `html` format, @cucumber/html-formatter's page), written from the message stream the run reads
 * anyway. Through cucumber's formatters every envelope was turned into JSON twice, once per format,
 * and each of the ~25k pieces went through two object streams and a file stream on the main thread
 * (~0.3-0.6 s of CPU in the gate's profile, docs/performance.md, helper i21s); here each envelope is
 * turned into JSON once, as it arrives (as the `message` format does), and both files are written
 * whole at the end. The bytes are the formats' own: test/cucumber-reports.test.ts runs both side by side.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '@cucumber/messages';

export interface CucumberReportFiles {
  /** Where the `message` format's ndjson goes. */
  messages?: string;
  /** Where the `html` format's page goes. */
  html?: string;
}

export class CucumberReports {
  private readonly json: string[] = [];
  constructor(private readonly files: CucumberReportFiles) {}

  read = (e: Envelope): void => {
    this.json.push(JSON.stringify(e));
  };

  write(): void {
    if (this.files.messages !== undefined) writeFileSync(this.files.messages, this.json.length === 0 ? '' : `${this.json.join('\n')}\n`);
    if (this.files.html !== undefined) writeFileSync(this.files.html, cucumberHtml(this.json));
  }
}

/** The page @cucumber/html-formatter's CucumberHtmlStream makes (with its default template, style and script) from the envelopes' JSON. */
export function cucumberHtml(json: string[]): string {
  const src = join(require.resolve('@cucumber/html-formatter'), '..');
  const template = readFileSync(join(src, 'index.mustache'), 'utf8');
  const between = (begin: string | null, end: string | null) => template.substring(begin === null ? 0 : template.indexOf(begin) + begin.length, end === null ? template.length : template.indexOf(end));
  const file = (path: string) => readFileSync(path, 'utf8');
  return [
    between(null, '{{title}}'),
    'Cucumber',
    between('{{title}}', '{{icon}}'),
    file(join(src, 'icon.url')),
    between('{{icon}}', '{{css}}'),
    file(join(src, '..', 'main.css')),
    between('{{css}}', '{{custom_css}}'),
    between('{{custom_css}}', '{{messages}}'),
    // as CucumberHtmlStream: `<` written as \x3C, so no message can end the script element
    json.join(',').replace(/</g, '\\x3C'),
    between('{{messages}}', '{{script}}'),
    file(join(src, '..', 'main.js')),
    between('{{script}}', '{{custom_script}}'),
    between('{{custom_script}}', null),
  ].join('');
}
