/**
 * The thread that writes cucumber.html from cucumber-messages.ndjson (runner/cucumber-html.ts starts
 * it once the features have run) while the run writes its own reports.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { htmlFromMessages } from './cucumber-html';

const { ndjson, html } = workerData as { ndjson: string; html: string };
// a failure here is the thread's 'error' event: the run then writes the file itself
void htmlFromMessages(ndjson, html).then(() => parentPort!.postMessage('written'));
