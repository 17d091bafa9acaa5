/** Command-line options of the benchmark. */
import type { SizeName } from '../generate.js';
import { DEFAULT_SEED } from '../generate.js';

export interface BenchArgs {
  size: SizeName;
  seed: number;
  /** Timed requests per query, path and concurrency (ITERATIONS overrides the size's default). */
  iterations: number;
  /** Skip @neo4j/graphql (column c). */
  peer: boolean;
  /** Where the JSON goes. */
  out: string;
  /** Time only the queries whose name contains this (e.g. `search`); search quality is still measured. */
  only: string | null;
}

const DEFAULT_ITERATIONS: Record<SizeName, number> = { S: 100, M: 200, L: 100 };

export function parseArgs(argv: readonly string[]): BenchArgs {
  let size: SizeName = 'M';
  let seed = DEFAULT_SEED;
  let peer = true;
  let out = 'bench/results/latest.json';
  let only: string | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[i + 1];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      i += 1;
      return next;
    };
    if (arg === '--size') {
      const v = value().toUpperCase();
      if (v !== 'S' && v !== 'M' && v !== 'L') throw new Error('--size must be S, M or L');
      size = v;
    } else if (arg === '--seed') seed = Number(value());
    else if (arg === '--no-peer') peer = false;
    else if (arg === '--out') out = value();
    else if (arg === '--only') only = value();
    else throw new Error(`unknown option ${arg} (use --size S|M|L, --seed N, --no-peer, --out FILE, --only TEXT)`);
  }
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const iterations = process.env.ITERATIONS ? Number(process.env.ITERATIONS) : DEFAULT_ITERATIONS[size];
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error('ITERATIONS must be a positive integer');
  return { size, seed, iterations, peer, out, only };
}
