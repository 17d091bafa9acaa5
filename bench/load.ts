/**
 * Loads a generated graph through the project's bundle import (or finds it cached) and prints the import figures.
 *
 *   npx tsx bench/load.ts --size S [--seed N]     (uses NEO4J_URI, else the local benchmark database of that size)
 *
 * The work is in bench/load/build.ts; this file is only the command.
 */
import { parseArgs } from './harness/args.js';
import { openBenchDatabase } from './harness/database.js';

const args = parseArgs(process.argv.slice(2));
const bench = await openBenchDatabase(args, (line) => process.stderr.write(`${line}\n`));
console.log(JSON.stringify(bench.importStats, null, 2));
await bench.close();
