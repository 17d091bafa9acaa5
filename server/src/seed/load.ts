import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Database } from '../db/driver.js';
import { writeSeedSet, type SeedScope } from './repository.js';
import { validateSeedSet, type SeedSources, type SourceFile } from './validate.js';

/** What a load wrote: how many of each it holds (the same on every load of the same files). */
export interface SeedReport {
  documents: number;
  entities: number;
  relationships: number;
  evidence: number;
}

const META_SUFFIX = '.meta.yaml';
const GRAPH_SUFFIX = '.graph.yaml';

/** Reads every `*.meta.yaml` (with its text file) and `*.graph.yaml` in `seedsDir`, in name order. */
export async function readSeedSources(seedsDir: string): Promise<SeedSources> {
  const names = (await readdir(seedsDir)).sort();
  const read = async (name: string): Promise<SourceFile> => ({ name, content: await readFile(join(seedsDir, name), 'utf8') });
  const metas = await Promise.all(names.filter((name) => name.endsWith(META_SUFFIX)).map(read));
  const graphs = await Promise.all(names.filter((name) => name.endsWith(GRAPH_SUFFIX)).map(read));
  const texts: Record<string, string> = {};
  for (const meta of metas) {
    const file = textFileOf(meta.content);
    // Unreadable or unsafe names are left out; validation then reports the text as missing.
    if (file === undefined || !names.includes(file) || Object.hasOwn(texts, file)) continue;
    // A BOM is an encoding artefact, not text: keeping it would shift every offset by one.
    texts[file] = (await readFile(join(seedsDir, file), 'utf8')).replace(/^\uFEFF/, '');
  }
  return { metas, graphs, texts };
}

/** Validates `sources` and writes them; throws SeedValidationError before touching the database. */
export async function loadSeedSet(db: Database, sources: SeedSources, scope: SeedScope = 'files'): Promise<SeedReport> {
  const set = validateSeedSet(sources);
  await writeSeedSet(db, set, scope);
  return {
    documents: set.documents.length,
    entities: set.entities.length,
    relationships: set.relationships.length,
    evidence: set.evidence.length,
  };
}

/**
 * Loads the seed folder into Neo4j (idempotent: loading twice leaves the same graph). The folder is the whole
 * truth for seed data, so what a removed seed file had written is retired as well.
 */
export async function loadSeeds(db: Database, seedsDir: string): Promise<SeedReport> {
  return loadSeedSet(db, await readSeedSources(seedsDir), 'all');
}

// Only a peek to find the text file; the meta file is parsed and checked properly during validation.
function textFileOf(metaYaml: string): string | undefined {
  try {
    const data: unknown = parseYaml(metaYaml);
    const file = data && typeof data === 'object' ? (data as Record<string, unknown>).file : undefined;
    return typeof file === 'string' && /^[^/\\]+$/.test(file) ? file : undefined;
  } catch {
    return undefined;
  }
}
