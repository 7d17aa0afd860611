/**
 * cucumber.html, built by cucumber's own `html` formatter (the plugin cucumber runs for
 * `--format html:FILE`, on @cucumber/html-formatter) on a second thread: fed the same envelopes in
 * the same order, the formatter writes the same file (test/cucumber-html.test.ts compares it byte for
 * byte with the file cucumber writes). On the features' thread it turned ~25k envelopes into JSON and
 * pushed them through object streams; handing them over in batches (one structured clone a batch) costs
 * that thread less: 3.29 against 3.74 s of its CPU for the whole gate (medians of four alternating
 * pairs, docs/performance.md, round four). cucumber-messages.ndjson stays with cucumber's own
 * `message` formatter on the features' thread; if the second thread fails, the page is built from
 * that file afterwards.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Worker } from 'node:worker_threads';
import type { Envelope } from '@cucumber/messages';
import { runnerThread } from './paths';

/** What a cucumber formatter plugin is given (@cucumber/cucumber's plugin_manager.initFormatter): what the html one uses. */
interface FormatterPlugin {
  formatter(context: {
    on(key: 'message', handler: (e: Envelope) => void): void;
    options: Record<string, unknown>;
    logger: { warn(...a: unknown[]): void; error(...a: unknown[]): void; info(...a: unknown[]): void; debug(...a: unknown[]): void };
    stream: NodeJS.WritableStream;
    write(chunk: string | Uint8Array): void;
    directory: string;
  }): Promise<(() => Promise<void>) | void> | (() => Promise<void>) | void;
  optionsKey?: string;
}

/** cucumber's own html formatter writing `html`: fed messages, then ended. */
export interface HtmlWriter {
  message(envelope: Envelope): void;
  /** Whole lines of cucumber-messages.ndjson (each `JSON.stringify(message) + '\n'`, as cucumber's message formatter writes them). */
  feed(lines: string): void;
  /** The rest of the page; resolves when the file is written. */
  end(): Promise<void>;
}

export async function htmlWriter(html: string): Promise<HtmlWriter> {
  // the formatter cucumber resolves for `html` (its package exports lib/*): not a copy of it
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const plugin = (require('@cucumber/cucumber/lib/formatter/builtin/html') as { default: FormatterPlugin }).default;
  const out = createWriteStream(html);
  // the formatter writes a piece per message: gathered into ~1 MB writes (the same bytes, 25k fewer stream writes)
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length > 0) out.write(pending.join(''));
    pending = [];
    size = 0;
  };
  const write = (chunk: string | Uint8Array) => {
    if (typeof chunk !== 'string') {
      flush();
      out.write(chunk);
      return;
    }
    pending.push(chunk);
    size += chunk.length;
    if (size >= 1 << 20) flush();
  };
  const handlers: ((e: Envelope) => void)[] = [];
  const quiet = () => undefined;
  const cleanup = await plugin.formatter({
    on: (key, handler) => {
      if (key === 'message') handlers.push(handler);
    },
    // cucumber passes options[optionsKey] ?? {}: the gate sets no `html` format options
    options: {},
    logger: { warn: quiet, error: quiet, info: quiet, debug: quiet },
    stream: out,
    write,
    directory: dirname(html),
  });
  const message = (envelope: Envelope) => {
    for (const h of handlers) h(envelope);
  };
  return {
    message,
    feed(text) {
      for (let at = 0; at < text.length; ) {
        let end = text.indexOf('\n', at);
        if (end < 0) end = text.length;
        if (end > at) message(JSON.parse(text.slice(at, end)) as Envelope);
        at = end + 1;
      }
    },
    async end() {
      if (typeof cleanup === 'function') await cleanup();
      flush();
      out.end();
      await finished(out);
    },
  };
}

/** Writes `html` from the ndjson messages at `ndjson` through cucumber's own html formatter. */
export async function htmlFromMessages(ndjson: string, html: string): Promise<void> {
  const writer = await htmlWriter(html);
  writer.feed(readFileSync(ndjson, 'utf8'));
  await writer.end();
}

/** The page being written on a second thread while the features run. */
export interface HtmlBeside {
  /** Each message of the run, as cucumber emits it. */
  message(envelope: Envelope): void;
  /** The features ended: resolves when cucumber.html is written (from `ndjson` here if the thread failed). */
  end(ndjson: string): Promise<void>;
  /** The features did not finish: no page. */
  abort(): void;
}

/** Messages handed to the thread at a time: one structured clone per batch, not per message. */
const BATCH = 256;

/** cucumber's html formatter on a second thread (runner/cucumber-html-thread.ts) writing `html`. */
export function htmlBeside(html: string): HtmlBeside {
  let worker: Worker | undefined;
  let failed = false;
  /** true once the thread has written the page, false if it ended without */
  let written: Promise<boolean> = Promise.resolve(false);
  let batch: Envelope[] = [];
  try {
    const w = runnerThread('cucumber-html-thread', { html });
    // a thread that failed ends with 'error' then 'exit', without its message
    w.on('error', () => {
      failed = true;
    });
    written = new Promise((resolve) => {
      w.once('message', () => resolve(true));
      w.once('exit', () => resolve(false));
    });
    worker = w;
  } catch {
    failed = true;
  }
  const post = () => {
    if (worker !== undefined && !failed && batch.length > 0) worker.postMessage(batch);
    batch = [];
  };
  return {
    message(envelope) {
      if (failed) return;
      batch.push(envelope);
      if (batch.length >= BATCH) post();
    },
    async end(ndjson) {
      post();
      if (worker !== undefined && !failed) worker.postMessage('end');
      if (await written) void worker!.terminate();
      else await htmlFromMessages(ndjson, html);
    },
    abort() {
      void worker?.terminate();
    },
  };
}
