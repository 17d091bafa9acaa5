/**
 * The benchmark: `npm run bench -- --size S|M|L [--seed N] [--no-peer] [--out FILE] [--only TEXT]`
 * (ITERATIONS=n per series; --only times just the queries whose name contains TEXT, e.g. `search`, and skips the
 * article import).
 * Builds the size's graph once (cached under .data/bench), then times each query through this server, the floor
 * and @neo4j/graphql at concurrency 1 and 16, measures search quality and memory, prints a table and writes
 * bench/results/latest.json. Uses NEO4J_URI when set, else a local Neo4j sized for the graph.
 */
import { parseArgs } from './harness/args.js';
import { runBenchmark } from './harness/run-benchmark.js';

const args = parseArgs(process.argv.slice(2));
try {
  await runBenchmark({ size: args.size, seed: args.seed, iterations: args.iterations, peer: args.peer, out: args.out, only: args.only });
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
