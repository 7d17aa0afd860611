// Preloaded (node -r) into the benchmark's child processes: reports the process's own CPU time
// (user + system) on stderr as it exits, so a ratio of CPU times is not skewed by other load. A
// preload runs in every worker thread too: only the main thread reports (the process's CPU, all
// threads included).
if (require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    process.stderr.write(`GROUPSPEC_BENCH_CPU_MS=${((user + system) / 1000).toFixed(1)}\n`);
  });
}
