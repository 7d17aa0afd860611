'use strict';
// cucumber's message formatter (`message:FILE`, lib/formatter/builtin/message.js) writing the same
// lines, gathered into ~1 MB writes. Cucumber's own writes a line per message to its file stream,
// which then writes whatever it holds each time the event loop turns: over the wire the loop turns
// at every HTTP exchange, so the ~25k messages of a feature run went out in ~4,200 file writes,
// each a trip through libuv's thread pool (issue 21, round six: docs/performance.md); in process
// the loop seldom turns and the same file took ~200.
const BATCH_CHARS = 1 << 20;

module.exports = {
  type: 'formatter',
  formatter({ on, write, stream }) {
    let pending = [];
    let size = 0;
    const flush = () => {
      if (pending.length === 0) return;
      const text = pending.join('');
      pending = [];
      size = 0;
      // cucumber ends the file stream before the formatters' clean-up only when a feature file
      // did not parse: then what is left is dropped, as a write after the end would fail
      if (!stream.writableEnded) write(text);
    };
    on('message', (message) => {
      const line = `${JSON.stringify(message)}\n`;
      pending.push(line);
      size += line.length;
      // the run's last message goes out at once: nothing that reads the file waits for the clean-up
      if (size >= BATCH_CHARS || message.testRunFinished !== undefined) flush();
    });
    return flush;
  },
};
