/**
 * The benchmark's database: NEO4J_URI when set, else a local Neo4j whose data folder is kept per size, seed and
 * fingerprint (`.data/bench/<key>`), so the second run of a size skips the load.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { prepareDatabase } from '../../server/src/bootstrap.js';
import { createDatabase, type Database, type Neo4jTarget } from '../../server/src/db/driver.js';
import { LocalNeo4j } from '../../server/src/neo4j-local/local-neo4j.js';
import { freePort } from '../../server/src/neo4j-local/ports.js';
import { sizeOptions, type GenerateOptions, type SizeName } from '../generate.js';
import { buildGraph, graphFingerprint, type ImportStats } from '../load/build.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const BENCH_DATA = path.join(ROOT, '.data/bench');

/** Heap and page cache per size; M fits the 100k/500k graph (about 1 GB on disk) in the page cache. */
const MEMORY: Record<SizeName, { heap: string; pageCache: string }> = {
  S: { heap: '1g', pageCache: '512m' },
  M: { heap: '2g', pageCache: '2g' },
  L: { heap: '4g', pageCache: '6g' },
};

export interface BenchDatabase {
  db: Database;
  target: Neo4jTarget;
  importStats: ImportStats;
  /** True when the graph came from the cache rather than being loaded now. */
  cached: boolean;
  neo4j: { where: string; heap: string | null; pageCache: string | null };
  close(): Promise<void>;
}

export interface OpenOptions {
  size: SizeName;
  seed: number;
  /** Generator options other than the size's (the smoke test uses a tiny graph). */
  generate?: GenerateOptions;
  /** A database to use instead of NEO4J_URI or a local one (the smoke test passes the test database). */
  target?: Neo4jTarget;
  /** Keep and reuse the loaded graph (default true); false loads every time. */
  cache?: boolean;
}

export async function openBenchDatabase(args: OpenOptions, log: (line: string) => void): Promise<BenchDatabase> {
  const options = args.generate ?? sizeOptions(args.size, args.seed);
  const key = `${args.size}-${options.seed}-${graphFingerprint(options)}`;
  const memory = {
    heap: process.env.KGX_NEO4J_HEAP ?? MEMORY[args.size].heap,
    pageCache: process.env.KGX_NEO4J_PAGE_CACHE ?? MEMORY[args.size].pageCache,
  };
  let local: LocalNeo4j | undefined;
  let target: Neo4jTarget;
  let marker: string;
  const uri = args.target?.uri ?? process.env.NEO4J_URI?.trim();
  if (args.target) {
    target = args.target;
    marker = '';
  } else if (uri) {
    target = { uri, username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE || undefined };
    const where = createHash('sha256').update(`${uri}|${target.database ?? ''}`).digest('hex').slice(0, 8);
    marker = path.join(BENCH_DATA, `external-${where}-${key}.json`);
    log(`Benchmarking the Neo4j at ${uri} (NEO4J_URI is set).`);
  } else {
    const dataDir = path.join(BENCH_DATA, key);
    marker = path.join(dataDir, 'import.json');
    // A load that was cut short leaves a partial graph; start that one over.
    if (!existsSync(marker)) await rm(path.join(dataDir, 'neo4j', 'db'), { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    local = new LocalNeo4j({ dataDir, boltPort: await freePort(), ...memory, log: (line) => log(`[neo4j] ${line}`) });
    target = await local.start();
  }
  const db = createDatabase(target);
  const close = async (): Promise<void> => {
    await db.close();
    await local?.stop();
  };
  try {
    await prepareDatabase(db, { loadSeeds: false, log });
    let importStats: ImportStats;
    let cached = false;
    if (args.cache !== false && marker && existsSync(marker)) {
      importStats = JSON.parse(await readFile(marker, 'utf8')) as ImportStats;
      cached = true;
      log(`Using the cached ${args.size} graph (${importStats.entities} entities, ${importStats.relationships} relationships; key ${key}).`);
    } else {
      log(`Building the ${args.size} graph (${options.entities} entities, ${options.relationships} relationships; key ${key}) ...`);
      importStats = await buildGraph(db, options, log);
      if (marker) {
        await mkdir(path.dirname(marker), { recursive: true });
        await writeFile(marker, JSON.stringify(importStats, null, 2));
      }
    }
    return {
      db,
      target,
      importStats,
      cached,
      neo4j: { where: uri ?? 'local (embedded Neo4j Community, 127.0.0.1)', heap: uri ? null : memory.heap, pageCache: uri ? null : memory.pageCache },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
