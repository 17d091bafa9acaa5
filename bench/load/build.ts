/**
 * Loads a generated graph through the project's bundle import (`importBundle`, the one write path), and times it
 * against the naive baseline. The harness only hands over bundles, so it keeps working while the storage model
 * changes under the import.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { importBundle } from '../../server/src/bundle/import.js';
import type { Database } from '../../server/src/db/driver.js';
import { generateBundles, type GenerateOptions, type Bundle } from '../generate.js';
import { naiveImport, naiveSecondsFor, sample, type NaiveTimings } from './naive.js';

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
  // rebuilding M takes 20 minutes on this machine.
  const files = ['bench/generate.ts', 'bench/gen/plan.ts', 'bench/gen/names.ts', 'bench/gen/vocabulary.ts', 'bench/load/build.ts', 'bench/load/naive.ts'];
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
  /**
   * The naive baseline, timed per kind of row on a sample and extrapolated to this graph's rows (so its mix of
   * entities, relationships, quotes and documents is the same as the real import's).
   */
  naive: { sample: NaiveTimings; estimated_seconds: number; entities_per_s: number; relationships_per_s: number };
}

/** Loads every bundle into an empty database, after timing the naive baseline on a sample of the first one. */
export async function buildGraph(db: Database, options: GenerateOptions, log: (line: string) => void, naiveEntities = 200): Promise<ImportStats> {
  const bundles = generateBundles(options);
  const first = bundles.next();
  if (first.done) throw new Error('the generator produced no bundles');
  // The naive sample goes first, on the still empty database, so neither side profits from the other's caches.
  const naiveSample = await naiveImport(db, sample(first.value, naiveEntities));
  const rowsPerSecond = (t: { rows: number; ms: number }): string => (t.rows / (t.ms / 1000)).toFixed(1);
  log(
    `Naive baseline sample: ${naiveSample.entities.rows} entities (${rowsPerSecond(naiveSample.entities)}/s), ${naiveSample.relationships.rows} relationships (${rowsPerSecond(naiveSample.relationships)}/s), ${naiveSample.evidence.rows} quotes, ${naiveSample.documents.rows} documents, one transaction each.`,
  );

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
  const naiveSeconds = naiveSecondsFor(naiveSample, { documents, evidence, entities, relationships });
  const naive = {
    sample: naiveSample,
    estimated_seconds: naiveSeconds,
    entities_per_s: entities / naiveSeconds,
    relationships_per_s: relationships / naiveSeconds,
  };
  const stats: ImportStats = {
    importer: 'server/src/bundle/import.ts importBundle',
    entities,
    relationships,
    documents,
    bundles: count,
    seconds,
    entities_per_s: entities / seconds,
    relationships_per_s: relationships / seconds,
    naive,
  };
  log(
    `Imported ${entities} entities, ${relationships} relationships, ${documents} documents in ${count} bundles with the project's bundle import: ${seconds.toFixed(1)} s, ${stats.entities_per_s.toFixed(0)} entities/s (the naive loader would take ${(naiveSeconds / 60).toFixed(0)} min: ${naive.entities_per_s.toFixed(1)} entities/s).`,
  );
  return stats;
}

