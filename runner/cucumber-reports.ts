/**
 * cucumber's own two reports, cucumber-messages.ndjson (its `message` format) and cucumber.html (its
 * `html` format, @cucumber/html-formatter's page), written from the message stream the run reads
 * anyway. Through cucumber's formatters every envelope was turned into JSON twice, once per format,
 * and each of the ~25k pieces went through two object streams into a file stream; here each envelope
 * is turned into JSON once, as it arrives (as the `message` format does), and the pieces go to the
 * files in 64 KB chunks (docs/performance.md, helper i21s). The bytes are the formats' own:
 * test/cucumber-reports.test.ts runs both side by side.
 */
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Envelope } from '@cucumber/messages';

export interface CucumberReportFiles {
  /** Where the `message` format's ndjson goes. */
  messages?: string;
  /** Where the `html` format's page goes. */
  html?: string;
}

/** A file written in chunks: one write per 64 KB, not one per message; the writes themselves off the main thread (libuv). */
class ChunkedFile {
  // pieces joined once per chunk: a string grown by += is flattened when written, ~40-100 ms slower over a run
  private pieces: string[] = [];
  private length = 0;
  private error: unknown;
  private readonly stream: WriteStream;
  constructor(path: string) {
    this.stream = createWriteStream(path);
    this.stream.on('error', (e) => (this.error ??= e));
  }
  add(s: string): void {
    this.pieces.push(s);
    this.length += s.length;
    if (this.length >= 65_536) {
      this.stream.write(this.pieces.join(''));
      this.pieces = [];
      this.length = 0;
    }
  }
  async end(): Promise<void> {
    this.stream.end(this.pieces.join(''));
    await finished(this.stream).catch((e: unknown) => (this.error ??= e));
    if (this.error !== undefined) throw this.error;
  }
}

export class CucumberReports {
  private readonly messages: ChunkedFile | undefined;
  private readonly html: ChunkedFile | undefined;
  private readonly page = cucumberHtmlPage();
  private first = true;

  constructor(files: CucumberReportFiles) {
    this.messages = files.messages === undefined ? undefined : new ChunkedFile(files.messages);
    this.html = files.html === undefined ? undefined : new ChunkedFile(files.html);
    this.html?.add(this.page.head);
  }

  read = (e: Envelope): void => {
    const json = JSON.stringify(e);
    this.messages?.add(`${json}\n`);
    if (this.html !== undefined) {
      this.html.add(this.first ? inScript(json) : `,${inScript(json)}`);
      this.first = false;
    }
  };

  async end(): Promise<void> {
    this.html?.add(this.page.tail);
    await Promise.all([this.messages?.end(), this.html?.end()]);
  }
}

/** As CucumberHtmlStream writes a message into the page: `<` as \x3C, so no message can end the script element. */
export function inScript(json: string): string {
  return json.includes('<') ? json.replace(/</g, '\\x3C') : json;
}

/** What @cucumber/html-formatter's CucumberHtmlStream writes (with its default template, style and script) before and after the messages. */
export function cucumberHtmlPage(): { head: string; tail: string } {
  const src = join(require.resolve('@cucumber/html-formatter'), '..');
  const template = readFileSync(join(src, 'index.mustache'), 'utf8');
  const between = (begin: string | null, end: string | null) => template.substring(begin === null ? 0 : template.indexOf(begin) + begin.length, end === null ? template.length : template.indexOf(end));
  const file = (path: string) => readFileSync(path, 'utf8');
  return {
    head: [
      between(null, '{{title}}'),
      'Cucumber',
      between('{{title}}', '{{icon}}'),
      file(join(src, 'icon.url')),
      between('{{icon}}', '{{css}}'),
      file(join(src, '..', 'main.css')),
      between('{{css}}', '{{custom_css}}'),
      between('{{custom_css}}', '{{messages}}'),
    ].join(''),
    tail: [between('{{messages}}', '{{script}}'), file(join(src, '..', 'main.js')), between('{{script}}', '{{custom_script}}'), between('{{custom_script}}', null)].join(''),
  };
}
