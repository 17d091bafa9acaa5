/**
 * Loads a generated graph through the project's bundle import (`importBundle`, the one write path), and times it
 * (the naive baseline it is compared with is measured by each benchmark run: harness/naive-baseline.ts). The harness only hands over bundles, so it keeps working while the storage model
 * changes under the import.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { importBundle } from '../../server/src/bundle/import.js';
import type { Database } from '../../server/src/db/driver.js';
import { generateBundles, type GenerateOptions, type Bundle } from '../generate.js';
import type { NaiveTimings } from './naive.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * What a cached graph depends on: the generator, the loaders and the bundle format; a change to any gives a new
 * key. The storage model is versioned instead: opening the cached graph runs the server's migrations.
 */
export function graphFingerprint(options: GenerateOptions): string {
  const hash = createHash('sha256').update(JSON.stringify(options));
  // What decides the data: the generator, the loaders and the bundle format. The server's schema and write path
  // are left out: a change to what is stored comes with a store-model migration (MODEL_VERSION in
  // server/src/db/schema.ts) that upgrades a cached graph when the benchmark opens it, as it does users' stores;
  // rebuilding M takes 20 minutes on this machine. The naive baseline (load/naive.ts) writes nothing that stays,
  // so it is left out too: it is measured on every full run, not at load time.
  const files = ['bench/generate.ts', 'bench/gen/plan.ts', 'bench/gen/names.ts', 'bench/gen/vocabulary.ts', 'bench/load/build.ts'];
  for (const dir of ['server/src/bundle']) {
    const full = path.join(ROOT, dir);
    if (existsSync(full)) files.push(...readdirSync(full).filter((f) => f.endsWith('.ts') && !f.includes('.test.')).sort().map((f) => `${dir}/${f}`));
  }
  for (const file of files) {
    const full = path.join(ROOT, file);
    if (existsSync(full)) hash.update(file).update(readFileSync(full));
  }
  return hash.digest('hex').slice(0, 12);
}

export interface ImportStats {
  importer: string;
  entities: number;
  relationships: number;
  documents: number;
  bundles: number;
  seconds: number;
  entities_per_s: number;
  relationships_per_s: number;
  /** Distinct quotes written (what the naive loader would write one by one); absent in graphs loaded before it was kept. */
  evidence?: number;
  /**
   * Graphs loaded before the naive baseline moved to the benchmark run (harness/naive-baseline.ts) carry the
   * single-sample figure taken at load time; it is no longer used.
   */
  naive?: { sample: NaiveTimings; estimated_seconds: number; entities_per_s: number; relationships_per_s: number };
}

/** Loads every bundle into an empty database. */
export async function buildGraph(db: Database, options: GenerateOptions, log: (line: string) => void): Promise<ImportStats> {
  const bundles = generateBundles(options);
  const first = bundles.next();
  if (first.done) throw new Error('the generator produced no bundles');

  let entities = 0;
  let relationships = 0;
  let documents = 0;
  let count = 0;
  let lastLog = Date.now();
  let seconds = 0;
  let evidence = 0;
  const write = async (bundle: Bundle): Promise<void> => {
    // Distinct quotes (document, text, start) of the bundle: what the naive loader would write one by one.
    evidence += new Set([...bundle.entities, ...bundle.relationships].flatMap((item) => item.evidence.map((ev) => `${ev.document}|${ev.start}|${ev.quote}`))).size;
    const t0 = performance.now();
    await importBundle(db, bundle, { origin: 'bench' });
    // Only the write is timed; generating text is the generator's cost, not the import's.
    seconds += (performance.now() - t0) / 1000;
    entities += bundle.entities.length;
    relationships += bundle.relationships.length;
    documents += bundle.documents.length;
    count += 1;
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`Imported ${count} bundles: ${entities} entities, ${relationships} relationships (${(entities / seconds).toFixed(0)} entities/s) ...`);
    }
  };
  await write(first.value);
  for (const bundle of bundles) await write(bundle);
  const stats: ImportStats = {
    importer: 'server/src/bundle/import.ts importBundle',
    entities,
    relationships,
    documents,
    bundles: count,
    seconds,
    entities_per_s: entities / seconds,
    relationships_per_s: relationships / seconds,
    evidence,
  };
  log(
    `Imported ${entities} entities, ${relationships} relationships, ${documents} documents in ${count} bundles with the project's bundle import: ${seconds.toFixed(1)} s, ${stats.entities_per_s.toFixed(0)} entities/s.`,
  );
  return stats;
}

