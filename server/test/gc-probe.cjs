// Test-only preload for the load test's server child (started with --expose-gc): on SIGUSR2 it runs full garbage
// collections and reports process.memoryUsage() on stderr, so the test can tell retained garbage from real growth.
process.on('SIGUSR2', () => {
  globalThis.gc();
  globalThis.gc();
  process.stderr.write(`[gc-probe] ${JSON.stringify(process.memoryUsage())}\n`);
});
