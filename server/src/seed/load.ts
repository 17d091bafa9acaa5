import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Database } from '../db/driver.js';
import { readSeedFiles, recordSeedFile, retireSeedItems, writeSeedFile, type StoredSeedFile } from './repository.js';
import { validateSeedSet, type SeedSet, type SeedSources, type SourceFile } from './validate.js';

/** What a load holds and what it did. */
export interface SeedReport {
  documents: number;
  entities: number;
  relationships: number;
  evidence: number;
  /** Seed files written because they are new or changed since the last load. */
  changedFiles: string[];
  /** Seed files whose items were retired because the file is gone. */
  removedFiles: string[];
  /** Items a changed file lists but someone else has edited, merged or deleted since: left as they are. */
  kept: string[];
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

/**
 * Validates `sources` and writes the files that changed since the last load (by content hash), in one
 * transaction. `all`: the sources are the whole seed folder, so what removed files wrote is retired too;
 * `files`: only the given files are looked at. Throws SeedValidationError before touching the database.
 */
export async function loadSeedSet(db: Database, sources: SeedSources, scope: 'files' | 'all' = 'files'): Promise<SeedReport> {
  const set = validateSeedSet(sources);
  const hashes = fileHashes(sources, set);
  const at = new Date().toISOString();
  const report: SeedReport = {
    documents: set.documents.length,
    entities: set.entities.length,
    relationships: set.relationships.length,
    evidence: set.quotes,
    changedFiles: [],
    removedFiles: [],
    kept: [],
  };
  await db.write(async (tx) => {
    report.changedFiles = [];
    report.removedFiles = [];
    report.kept = [];
    const stored = await readSeedFiles(tx);
    const changed = [...hashes].filter(([name, hash]) => stored.get(name)?.hash !== hash).map(([name]) => name);
    const removed = scope === 'all' ? [...stored.keys()].filter((name) => !hashes.has(name)) : [];
    // Retire first, so an item that moved from one file to another is written by its new file.
    for (const name of [...changed, ...removed]) {
      const previous = stored.get(name);
      if (previous) await retireSeedItems(tx, previous, hashes.has(name) ? itemsOf(set, name) : undefined);
    }
    // Documents before the graphs that quote them.
    const ordered = [...changed].sort((a, b) => Number(b.endsWith(META_SUFFIX)) - Number(a.endsWith(META_SUFFIX)) || a.localeCompare(b));
    for (const name of ordered) {
      const written = await writeSeedFile(tx, set, name, at);
      report.kept.push(...written.kept);
      const record: StoredSeedFile = { name, hash: hashes.get(name)!, ...itemsOf(set, name) };
      await recordSeedFile(tx, record, at);
    }
    for (const name of removed) await recordSeedFile(tx, { name, removed: true }, at);
    report.changedFiles = ordered;
    report.removedFiles = removed;
  });
  return report;
}

/** Loads the seed folder (idempotent; unchanged files cost nothing). */
export async function loadSeeds(db: Database, seedsDir: string): Promise<SeedReport> {
  return loadSeedSet(db, await readSeedSources(seedsDir), 'all');
}

function itemsOf(set: SeedSet, file: string): { entityIds: string[]; relationshipIds: string[]; documentIds: string[] } {
  return {
    entityIds: set.entities.filter((e) => e.seedFile === file).map((e) => e.id),
    relationshipIds: set.relationships.filter((r) => r.seedFile === file).map((r) => r.id),
    documentIds: set.documents.filter((d) => d.metaFile === file).map((d) => d.id),
  };
}

/**
 * A hash per seed file over everything that decides what it writes: a meta file with its text; a graph file
 * with the texts it quotes (offsets depend on them).
 */
function fileHashes(sources: SeedSources, set: SeedSet): Map<string, string> {
  const sha = (...parts: string[]): string => {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part).update('\u0000');
    return hash.digest('hex');
  };
  const textOf = new Map(set.documents.map((d) => [d.id, d.text]));
  const hashes = new Map<string, string>();
  for (const meta of sources.metas) {
    const document = set.documents.find((d) => d.metaFile === meta.name);
    hashes.set(meta.name, sha(meta.content, document?.text ?? ''));
  }
  for (const graph of sources.graphs) {
    const quoted = new Set(
      [...set.entities, ...set.relationships].filter((item) => item.seedFile === graph.name).flatMap((item) => item.evidence.map((ev) => ev.documentId)),
    );
    hashes.set(graph.name, sha(graph.content, ...[...quoted].sort().map((id) => `${id}\u0000${textOf.get(id) ?? ''}`)));
  }
  return hashes;
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
