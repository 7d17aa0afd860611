/**
 * cucumber.html, built by cucumber's own `html` formatter (the plugin cucumber runs for
 * `--format html:FILE`, on @cucumber/html-formatter) on a second thread: fed the same envelopes in
 * the same order, the formatter writes the same file (test/cucumber-html.test.ts compares it byte for
 * byte with the file cucumber writes). On the features' thread it turned ~25k envelopes into JSON and
 * pushed them through object streams; handing them over in batches (one structured clone a batch) costs
 * that thread less: 3.29 against 3.74 s of its CPU for the whole gate (medians of four alternating
 * pairs, docs/performance.md, round four). Since round seven the same thread also writes
 * cucumber-messages.ndjson, byte for byte what cucumber's `message` formatter writes (htmlBeside
 * below); if the thread fails, the page is built from that file afterwards.
 */
import { appendFileSync, createWriteStream, readFileSync, writeFileSync } from 'node:fs';
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
  // listened to from the start: a file that cannot be opened rejects end(), not the process (an 'error' with no listener)
  const written = finished(out);
  written.catch(() => undefined);
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
      await written;
    },
  };
}

/** Writes `html` from the ndjson messages at `ndjson` through cucumber's own html formatter. */
export async function htmlFromMessages(ndjson: string, html: string): Promise<void> {
  const writer = await htmlWriter(html);
  writer.feed(readFileSync(ndjson, 'utf8'));
  await writer.end();
}

/** cucumber-messages.ndjson and cucumber.html, written on a second thread while the features run. */
export interface HtmlBeside {
  /** Each message of the run, as cucumber emits it. */
  message(envelope: Envelope): void;
  /** The features ended: resolves when both files are written (here, from what the thread left, if it failed). */
  end(): Promise<void>;
  /** The features did not finish: the messages so far, no page. */
  abort(): Promise<void>;
}

/** Messages handed to the thread at a time: one structured clone per batch, not per message. */
const BATCH = 256;

/** What the page's thread says (runner/cucumber-html-thread.ts). */
export type ThreadWord = { written: number } | 'page' | 'file';
/** What the run hands the page's thread: a batch of messages with its number, the end, or the end without a page. */
export type RunWord = { n: number; batch: Envelope[] } | 'end' | 'abort';

/**
 * The thread (runner/cucumber-html-thread.ts) writes both files: each batch's messages into
 * `ndjson` as cucumber's message formatter writes them (`JSON.stringify(message) + '\n'`), then
 * through cucumber's html formatter into `html`. On the features' thread, that formatter's JSON and
 * its stream write a message were ~100 of the ~170 ms of main-thread CPU a gate spent on its reports
 * (docs/performance.md, round seven). A batch is kept here until the thread says it is in the file: if
 * the thread fails, the batches it did not write are appended here, in order, and the page is built
 * from the file afterwards, as before.
 */
export function htmlBeside(html: string, ndjson: string): HtmlBeside {
  // the file is the run's from the start: never an earlier run's with this one's messages appended
  writeFileSync(ndjson, '');
  let worker: Worker | undefined;
  const kept = new Map<number, Envelope[]>();
  let n = 0;
  /** 'page' both files written by the thread, 'file' the messages only, 'none' the thread ended without either */
  let outcome: Promise<'page' | 'file' | 'none'> = Promise.resolve('none');
  try {
    const w = runnerThread('cucumber-html-thread', { html, ndjson });
    outcome = new Promise((resolve) => {
      w.on('message', (m: ThreadWord) => {
        if (typeof m === 'object') kept.delete(m.written);
        else resolve(m);
      });
      // a thread that failed ends with 'error' then 'exit', without its word
      w.on('error', () => undefined);
      w.once('exit', () => resolve('none'));
    });
    worker = w;
  } catch {
    worker = undefined;
  }
  let batch: Envelope[] = [];
  const post = () => {
    if (batch.length === 0) return;
    kept.set(n, batch);
    worker?.postMessage({ n: n++, batch } satisfies RunWord);
    batch = [];
  };
  /** The thread has ended: what it did not write goes into the file here, in order. */
  const rest = () => {
    const lines = [...kept.keys()].sort((a, b) => a - b).flatMap((k) => kept.get(k)!.map((e) => `${JSON.stringify(e)}\n`));
    kept.clear();
    if (lines.length > 0) appendFileSync(ndjson, lines.join(''));
  };
  return {
    message(envelope) {
      batch.push(envelope);
      if (batch.length >= BATCH) post();
    },
    async end() {
      post();
      worker?.postMessage('end' satisfies RunWord);
      const done = await outcome;
      if (done === 'page') return void worker!.terminate();
      if (done === 'none') rest();
      await htmlFromMessages(ndjson, html);
    },
    async abort() {
      post();
      worker?.postMessage('abort' satisfies RunWord);
      const done = await outcome;
      if (done === 'none') rest();
      void worker?.terminate();
    },
  };
}
