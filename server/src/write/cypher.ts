import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { ENTITY_KINDS, KIND_LABEL, type EntityKindName } from '../graph/model.js';

export { ANY_RELATIONSHIP_TYPE } from '../graph/model.js';

/** `REMOVE n:<every other kind>` so a kind change leaves no stale label behind. */
export function otherKindLabels(kind: EntityKindName): string {
  return ENTITY_KINDS.filter((other) => other !== kind)
    .map((other) => `:${KIND_LABEL[other]}`)
    .join('');
}

/** Runs a statement and returns its rows as plain objects. */
export async function rows(tx: ManagedTransaction, cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((record) => record.toObject() as Record<string, unknown>);
}

/** Integers as Neo4j integers: a JS number would be stored as a float. */
export const int = (value: number): unknown => neo4j.int(value);

/** Absent, not null: the store leaves missing optional properties off; `SET n += {p: null}` removes `p`. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Rows per UNWIND statement: large writes go in batches so no single statement holds a whole bundle's rows. */
export const BATCH_ROWS = 2_000;

/**
 * Runs an `UNWIND $rows` statement over `rows` in batches inside the caller's transaction (so the whole write still
 * commits or rolls back as one), reporting progress after each batch.
 */
export async function runBatched(
  tx: ManagedTransaction,
  cypher: string,
  rowsToWrite: readonly unknown[],
  params: Record<string, unknown> = {},
  onBatch?: (done: number, total: number) => void,
): Promise<void> {
  for (let start = 0; start < rowsToWrite.length; start += BATCH_ROWS) {
    const batch = rowsToWrite.slice(start, start + BATCH_ROWS);
    await tx.run(cypher, { ...params, rows: batch });
    onBatch?.(start + batch.length, rowsToWrite.length);
  }
}
