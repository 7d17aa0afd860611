/**
 * The thread that writes cucumber.html (runner/cucumber-html.ts starts it before the features): it
 * feeds the run's messages, handed over in batches as cucumber emits them, to cucumber's own html
 * formatter, and finishes the page when the run says the features ended.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Envelope } from '@cucumber/messages';
import { htmlWriter } from './cucumber-html';

const { html } = workerData as { html: string };

async function main(): Promise<void> {
  const writer = await htmlWriter(html);
  const port = parentPort!;
  // batches that arrive while the formatter loads wait in the port's queue: the listener is added after
  await new Promise<void>((resolve) => {
    port.on('message', (m: Envelope[] | 'end') => {
      if (m !== 'end') for (const e of m) writer.message(e);
      else resolve();
    });
  });
  await writer.end();
  // the run ends the thread once it has heard this
  port.postMessage('written');
}

// a failure here is the thread's 'error' event: the run then writes the page itself
void main().catch((e: unknown) => {
  throw e;
});
