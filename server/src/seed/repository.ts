import type { ManagedTransaction } from 'neo4j-driver';
import { rows } from '../write/cypher.js';
import { retireOwned } from '../write/delete.js';
import { writeGraph } from '../write/graph.js';
import type { WriteReport, Writer } from '../write/types.js';
import type { SeedSet } from './validate.js';

/** What the store remembers of a seed file it loaded: its content hash and the items it wrote. */
export interface StoredSeedFile {
  name: string;
  hash: string;
  entityIds: string[];
  relationshipIds: string[];
  documentIds: string[];
}

/** The writer stamp of a seed file. */
export const seedSource = (file: string): string => `seed:${file}`;

/** Seed files the store has loaded (a handful of nodes; read once per start). */
export async function readSeedFiles(tx: ManagedTransaction): Promise<Map<string, StoredSeedFile>> {
  const found = await rows(tx, 'MATCH (s:SeedFile) RETURN s { .name, .hash, .entityIds, .relationshipIds, .documentIds } AS s');
  return new Map(
    found.map((row) => {
      const s = row.s as Record<string, unknown>;
      const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
      return [String(s.name), { name: String(s.name), hash: String(s.hash), entityIds: list(s.entityIds), relationshipIds: list(s.relationshipIds), documentIds: list(s.documentIds) }];
    }),
  );
}

/**
 * Writes one changed seed file through the write path. The file owns only what it last wrote: items someone
 * else changed, merged or deleted since are left as they are, and so is their evidence.
 */
export async function writeSeedFile(tx: ManagedTransaction, set: SeedSet, file: string, at: string): Promise<WriteReport> {
  const writer: Writer = { source: seedSource(file), at };
  const isMeta = set.metaFiles.includes(file);
  return writeGraph(
    tx,
    {
      documents: isMeta ? set.documents.filter((d) => d.metaFile === file) : [],
      entities: set.entities.filter((e) => e.seedFile === file),
      relationships: set.relationships.filter((r) => r.seedFile === file),
    },
    writer,
    { fields: 'replace', retype: true, ownedBy: writer.source, evidence: 'replace-own' },
  );
}

/** Removes what an earlier version of a seed file wrote and the file no longer lists, where the seed still owns it. */
export async function retireSeedItems(
  tx: ManagedTransaction,
  previous: StoredSeedFile,
  current: { entityIds: readonly string[]; relationshipIds: readonly string[]; documentIds: readonly string[] } | undefined,
): Promise<void> {
  const gone = (before: readonly string[], now: readonly string[] | undefined): string[] => {
    const keep = new Set(now ?? []);
    return before.filter((id) => !keep.has(id));
  };
  await retireOwned(tx, {
    owner: seedSource(previous.name),
    relationshipIds: gone(previous.relationshipIds, current?.relationshipIds),
    entityIds: gone(previous.entityIds, current?.entityIds),
    documentIds: gone(previous.documentIds, current?.documentIds),
  });
}

/** Remembers a loaded seed file's hash and items (or forgets a removed file). */
export async function recordSeedFile(tx: ManagedTransaction, file: StoredSeedFile | { name: string; removed: true }, at: string): Promise<void> {
  if ('removed' in file) {
    await tx.run('MATCH (s:SeedFile {name: $name}) DELETE s', { name: file.name });
    return;
  }
  await tx.run(
    'MERGE (s:SeedFile {name: $name}) SET s.hash = $hash, s.entityIds = $entityIds, s.relationshipIds = $relationshipIds, s.documentIds = $documentIds, s.loadedAt = $at',
    { ...file, at },
  );
}
