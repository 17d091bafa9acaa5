/**
 * Loads a generated graph through the project's bundle import, and times it against the naive baseline. The project's import (`importBundle` in server/src/bundle/import.ts) is used when it exists on this branch;
 * until then the stand-in in bench/load/interim-import.ts writes the same bundles. Either way the harness only
 * hands over bundles, so it keeps working while the storage model changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database } from '../../server/src/db/driver.js';
import { generateBundles, type GenerateOptions, type Bundle } from '../generate.js';
import { interimImportBundle } from './interim-import.js';
import { naiveImport, naiveSecondsFor, sample, type NaiveTimings } from './naive.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PROJECT_IMPORT = path.join(ROOT, 'server/src/bundle/import.ts');
const INTERIM_IMPORT = path.join(ROOT, 'bench/load/interim-import.ts');

export interface Importer {
  /** "project" when the server's own bundle import is used, "interim" for the stand-in. */
  name: 'project' | 'interim';
  importBundle(db: Database, bundle: Bundle): Promise<unknown>;
}

type ProjectImport = (db: Database, bundle: unknown, options: { origin: string }) => Promise<unknown>;

/** The project's bundle import when it exists, else the stand-in. */
export async function resolveImporter(): Promise<Importer> {
  if (existsSync(PROJECT_IMPORT)) {
    // A computed specifier: the module may not exist on this branch yet, and the type checker must not insist.
    const specifier = pathToFileURL(PROJECT_IMPORT).href;
    const module = (await import(specifier)) as { importBundle?: ProjectImport };
    const importBundle = module.importBundle;
    if (typeof importBundle === 'function') {
      return { name: 'project', importBundle: (db, bundle) => importBundle(db, bundle, { origin: 'bench' }) };
    }
  }
  return { name: 'interim', importBundle: interimImportBundle };
}

/**
 * What a cached graph depends on: the generator and the writer. A change to either (say, the storage model moves
 * under us) gives a new key, so a stale graph is never benchmarked.
 */
export function graphFingerprint(options: GenerateOptions): string {
  const hash = createHash('sha256').update(JSON.stringify(options));
  // The loaders too: the cached import figures are theirs.
  const files = ['bench/generate.ts', 'bench/gen/plan.ts', 'bench/gen/names.ts', 'bench/gen/vocabulary.ts', 'bench/load/build.ts', 'bench/load/naive.ts', 'server/src/db/schema.ts'];
  if (existsSync(PROJECT_IMPORT)) {
    // The project's import and the write path under it.
    for (const dir of ['server/src/bundle', 'server/src/write']) {
      const full = path.join(ROOT, dir);
      if (existsSync(full)) files.push(...readdirSync(full).filter((f) => f.endsWith('.ts') && !f.includes('.test.')).sort().map((f) => `${dir}/${f}`));
    }
  } else files.push(path.relative(ROOT, INTERIM_IMPORT));
  for (const file of files) {
    const full = path.join(ROOT, file);
    if (existsSync(full)) hash.update(file).update(readFileSync(full));
  }
  return hash.digest('hex').slice(0, 12);
}

export interface ImportStats {
  importer: Importer['name'];
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
  const importer = await resolveImporter();
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
    await importer.importBundle(db, bundle);
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
    importer: importer.name,
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
    `Imported ${entities} entities, ${relationships} relationships, ${documents} documents in ${count} bundles with the ${importer.name} import: ${seconds.toFixed(1)} s, ${stats.entities_per_s.toFixed(0)} entities/s (the naive loader would take ${(naiveSeconds / 60).toFixed(0)} min: ${naive.entities_per_s.toFixed(1)} entities/s).`,
  );
  return stats;
}

