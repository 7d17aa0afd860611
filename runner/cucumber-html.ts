/**
 * cucumber.html, built by cucumber's own `html` formatter (the plugin cucumber runs for
 * `--format html:FILE`, on @cucumber/html-formatter) from the messages cucumber's own `message`
 * formatter wrote to cucumber-messages.ndjson, instead of beside it during the features: fed the
 * same envelopes in the same order, the formatter writes the same file (test/cucumber-html.test.ts
 * compares it byte for byte with the file cucumber writes in the same run). It turns ~25k envelopes
 * into JSON and pushes them through object streams: ~0.2-0.3 s of the main thread's CPU while the
 * scenarios ran. The run builds it on a second thread while it writes its own reports
 * (runner/cucumber-html-thread.ts), and on its own thread if that thread fails.
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

/** cucumber's own html formatter writing `html`: fed whole lines of ndjson messages, then ended. */
export interface HtmlWriter {
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
  return {
    feed(text) {
      for (let at = 0; at < text.length; ) {
        let end = text.indexOf('\n', at);
        if (end < 0) end = text.length;
        if (end > at) {
          const envelope = JSON.parse(text.slice(at, end)) as Envelope;
          for (const h of handlers) h(envelope);
        }
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

/** The page being written while the features run; `end` once cucumber has written its last message. */
export interface HtmlFollower {
  /** Resolves when cucumber.html is written. */
  end(): Promise<void>;
  /** The features did not finish: no page. */
  abort(): void;
}

/**
 * A second thread (runner/cucumber-html-thread.ts) that follows cucumber-messages.ndjson as cucumber's
 * message formatter writes it during the features and feeds each message to cucumber's html
 * formatter, so the page costs the features' thread nothing; once told the features ended it reads
 * the rest and finishes the page. If the thread cannot start or fails, `end` builds the page here
 * from the whole file. `ndjson` must not exist yet (the thread must not read an earlier run's).
 */
export function htmlFollowing(ndjson: string, html: string): HtmlFollower {
  let worker: Worker | undefined;
  let failed = false;
  let written = false;
  let exited: Promise<void> = Promise.resolve();
  try {
    const w = runnerThread('cucumber-html-thread', { ndjson, html });
    w.once('message', () => {
      written = true;
    });
    // a thread that failed ends with 'error' then 'exit', without its message
    w.once('error', () => {
      failed = true;
    });
    exited = new Promise((resolve) => w.once('exit', () => resolve()));
    worker = w;
  } catch {
    failed = true;
  }
  return {
    async end() {
      if (worker !== undefined && !failed) worker.postMessage('end');
      await exited;
      if (!written) await htmlFromMessages(ndjson, html);
    },
    abort() {
      void worker?.terminate();
    },
  };
}
