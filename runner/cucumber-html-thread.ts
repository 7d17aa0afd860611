/**
 * The thread that writes cucumber-messages.ndjson and cucumber.html (runner/cucumber-html.ts starts it
 * before the features): each batch of the run's messages, handed over as cucumber emits them, is
 * written into the messages' file as cucumber's message formatter writes it, said to be written, then
 * fed to cucumber's own html formatter; the page is finished when the run says the features ended.
 * If the html formatter fails, the messages are still written, and the run builds the page afterwards.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { htmlWriter, type RunWord, type ThreadWord } from './cucumber-html';

const { html, ndjson } = workerData as { html: string; ndjson: string };

async function main(): Promise<void> {
  const port = parentPort!;
  const file = openSync(ndjson, 'a');
  let page: Awaited<ReturnType<typeof htmlWriter>> | undefined;
  try {
    page = await htmlWriter(html);
  } catch {
    page = undefined;
  }
  // batches that arrive while the formatter loads wait in the port's queue: the listener is added after
  const finish = await new Promise<boolean>((resolve) => {
    port.on('message', (m: RunWord) => {
      if (m === 'end' || m === 'abort') return resolve(m === 'end');
      let text = '';
      for (const e of m.batch) text += `${JSON.stringify(e)}\n`;
      writeSync(file, text);
      port.postMessage({ written: m.n } satisfies ThreadWord);
      try {
        if (page !== undefined) for (const e of m.batch) page.message(e);
      } catch {
        page = undefined;
      }
    });
  });
  closeSync(file);
  let word: ThreadWord = 'file';
  if (page !== undefined && finish) {
    try {
      await page.end();
      word = 'page';
    } catch {
      word = 'file';
    }
  }
  // the run ends the thread once it has heard this
  port.postMessage(word);
}

// a failure here is the thread's 'error' event: the run then writes what is left itself
void main().catch((e: unknown) => {
  throw e;
});
