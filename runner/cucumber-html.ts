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
import { createReadStream, createWriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
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

/** Writes `html` from the ndjson messages at `ndjson` through cucumber's own html formatter. */
export async function htmlFromMessages(ndjson: string, html: string): Promise<void> {
  // the formatter cucumber resolves for `html` (its package exports lib/*): not a copy of it
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const plugin = (require('@cucumber/cucumber/lib/formatter/builtin/html') as { default: FormatterPlugin }).default;
  const out = createWriteStream(html);
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
    write: (chunk) => out.write(chunk),
    directory: dirname(html),
  });
  const lines = createInterface({ input: createReadStream(ndjson, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    const envelope = JSON.parse(line) as Envelope;
    for (const h of handlers) h(envelope);
  }
  if (typeof cleanup === 'function') await cleanup();
  out.end();
  await finished(out);
}

/**
 * htmlFromMessages on a second thread (the run's main thread meanwhile writes its own reports);
 * if the thread cannot start or fails, on this one. Resolves when the file is written.
 */
export function htmlBeside(ndjson: string, html: string): Promise<void> {
  let worker: Worker;
  try {
    worker = runnerThread('cucumber-html-thread', { ndjson, html });
  } catch {
    return htmlFromMessages(ndjson, html);
  }
  return new Promise((resolve, reject) => {
    let done = false;
    worker.once('message', () => {
      done = true;
    });
    // a thread that failed ends with 'error' then 'exit', without its message
    worker.once('error', () => undefined);
    worker.once('exit', () => {
      if (done) resolve();
      else htmlFromMessages(ndjson, html).then(resolve, reject);
    });
  });
}
