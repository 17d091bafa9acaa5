/** A bounded load loop: a fixed number of requests, a fixed number in flight, and a time cap. */

export interface Timing {
  p50: number;
  p95: number;
  p99: number;
  /** Completed requests per second over the timed phase. */
  rps: number;
  count: number;
  errors: number;
  /** True when the time cap stopped the loop before `count` requests. */
  capped: boolean;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Runs `request` `iterations` times with `concurrency` workers after a short warm-up, and stops early once
 * `maxMs` has passed so a pathological query cannot hold the run hostage.
 */
export async function measure(
  request: () => Promise<void>,
  options: { iterations: number; concurrency: number; warmup: number; maxMs: number },
): Promise<Timing> {
  return summarise([await measureRaw(request, options)]);
}

/** Raw times of one bounded series, to be pooled with other rounds of the same path by `summarise`. */
export interface RawSeries {
  times: number[];
  elapsedMs: number;
  errors: number;
  capped: boolean;
}

export async function measureRaw(
  request: () => Promise<void>,
  options: { iterations: number; concurrency: number; warmup: number; maxMs: number },
): Promise<RawSeries> {
  const deadline = Date.now() + options.maxMs;
  let errors = 0;
  // Warm-up: JIT, plan caches, page cache, connection pools.
  for (let i = 0; i < options.warmup && Date.now() < deadline; i += 1) {
    await request().catch(() => {
      errors += 1;
    });
  }
  errors = 0;
  const times: number[] = [];
  let issued = 0;
  const t0 = performance.now();
  const worker = async (): Promise<void> => {
    while (issued < options.iterations && Date.now() < deadline) {
      issued += 1;
      const start = performance.now();
      try {
        await request();
        times.push(performance.now() - start);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { times, elapsedMs: performance.now() - t0, errors, capped: issued < options.iterations };
}

/** Percentiles over all rounds' times; throughput over their summed wall time. */
export function summarise(rounds: readonly RawSeries[]): Timing {
  const times = rounds.flatMap((round) => round.times);
  const elapsed = rounds.reduce((sum, round) => sum + round.elapsedMs, 0);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: elapsed > 0 ? (times.length / elapsed) * 1000 : 0,
    count: times.length,
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    capped: rounds.some((round) => round.capped),
  };
}
