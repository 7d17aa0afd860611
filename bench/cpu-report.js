// Preloaded (node -r) into the benchmark's child processes: reports the process's own CPU time
// (user + system) on stderr as it exits, so a ratio of CPU times is not skewed by other load. A
// preload runs in every worker thread too: only the main thread reports (the process's CPU, all
// threads included).
if (require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    // user time alone too (bench/wire-server.ts reports it): the kernel's share is the sockets'
    process.stderr.write(`GROUPSPEC_BENCH_CPU_MS=${((user + system) / 1000).toFixed(1)}\nGROUPSPEC_BENCH_CPU_USER_MS=${(user / 1000).toFixed(1)}\n`);
  });
}
