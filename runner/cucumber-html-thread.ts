/**
 * The thread that writes cucumber.html (runner/cucumber-html.ts starts it before the features): it
 * follows cucumber-messages.ndjson as cucumber writes it, feeding each whole line to cucumber's own
 * html formatter, and when the run says the features ended, reads the rest and finishes the page.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parentPort, workerData } from 'node:worker_threads';
import { htmlWriter } from './cucumber-html';

const { ndjson, html } = workerData as { ndjson: string; html: string };

async function main(): Promise<void> {
  const writer = await htmlWriter(html);
  const buffer = Buffer.allocUnsafe(1 << 20);
  const decoder = new StringDecoder('utf8');
  let fd: number | undefined;
  let offset = 0;
  let rest = '';
  const read = (): void => {
    if (fd === undefined) {
      try {
        fd = openSync(ndjson, 'r');
      } catch {
        return; // cucumber has not opened it yet
      }
    }
    for (let n = readSync(fd, buffer, 0, buffer.length, offset); n > 0; n = readSync(fd, buffer, 0, buffer.length, offset)) {
      offset += n;
      rest += decoder.write(buffer.subarray(0, n));
    }
    const cut = rest.lastIndexOf('\n');
    if (cut < 0) return;
    writer.feed(rest.slice(0, cut + 1));
    rest = rest.slice(cut + 1);
  };
  const timer = setInterval(read, 100);
  await new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));
  clearInterval(timer);
  read();
  writer.feed(rest + decoder.end());
  if (fd !== undefined) closeSync(fd);
  await writer.end();
  parentPort!.postMessage('written');
}

// a failure here is the thread's 'error' event: the run then writes the page itself
void main().catch((e: unknown) => {
  throw e;
});
