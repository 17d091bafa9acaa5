import type { ManagedTransaction } from 'neo4j-driver';
import { rows } from './cypher.js';

/** What happened to an id that is no longer a live item: merged into another entity, or deleted. */
export interface Tombstone {
  id: string;
  mergedInto: string | null;
  deleted: boolean;
}

/** Tombstones of the given ids (live ids have none). Merges of merges are kept flat, so one hop suffices. */
export async function readTombstones(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, Tombstone>> {
  if (ids.length === 0) return new Map();
  const found = await rows(
    tx,
    'UNWIND $ids AS id MATCH (t:Tombstone {id: id}) RETURN t.id AS id, t.mergedInto AS mergedInto',
    { ids: [...new Set(ids)] },
  );
  return new Map(
    found.map((row) => {
      const mergedInto = typeof row.mergedInto === 'string' ? row.mergedInto : null;
      return [String(row.id), { id: String(row.id), mergedInto, deleted: mergedInto === null }];
    }),
  );
}

/** Records deletions, so a seed that still lists the item does not bring it back. */
export async function recordDeletions(tx: ManagedTransaction, ids: readonly string[], by: string, at: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(
    `UNWIND $ids AS id MERGE (t:Tombstone {id: id}) SET t.deletedAt = $at, t.deletedBy = $by, t.mergedInto = null`,
    { ids: [...ids], at, by },
  );
}

/** An explicit write brings a deleted id back to life: its deletion record goes. */
export async function clearDeletions(tx: ManagedTransaction, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run('UNWIND $ids AS id MATCH (t:Tombstone {id: id}) WHERE t.mergedInto IS NULL DELETE t', { ids: [...ids] });
}
