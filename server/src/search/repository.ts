import type { Database } from '../db/driver.js';
import { toEntityRecord, type EntityRecord } from '../graph/entity.js';
import type { EntityKindName } from '../graph/model.js';
import { searchQuery } from './queries.js';

/** One search result. */
export interface SearchHitRecord {
  entity: EntityRecord;
  score: number;
}

/** Runs a full-text search. */
export async function searchEntities(
  db: Database,
  args: { query: string; kinds: readonly EntityKindName[] | null; first: number },
): Promise<SearchHitRecord[]> {
  const { cypher, params } = searchQuery(args);
  const result = await db.read((tx) => tx.run(cypher, params));
  return result.records.map((record) => ({
    entity: toEntityRecord(record.get('entity') as Record<string, unknown>),
    score: Number(record.get('score')),
  }));
}
