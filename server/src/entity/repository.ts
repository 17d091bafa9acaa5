import type { Database } from '../db/driver.js';
import { readKeyed } from '../db/read.js';
import { toRelationshipRecord, type RelationshipRecord } from '../neighbourhood/model.js';
import { toEntityRecord, type EntityRecord } from './model.js';
import { degreesQuery, entitiesByIdsQuery, relationshipsOfEntitiesQuery } from './queries.js';

/** Loads entities by id, keyed by id. */
export function findEntities(db: Database, ids: readonly string[]): Promise<Map<string, EntityRecord>> {
  return readKeyed(db, entitiesByIdsQuery(ids), 'entity', toEntityRecord);
}

/** Loads each entity's relationships, keyed by entity id (entities without any are absent). */
export async function findRelationshipsOf(db: Database, ids: readonly string[]): Promise<Map<string, RelationshipRecord[]>> {
  const { cypher, params } = relationshipsOfEntitiesQuery(ids);
  const result = await db.read((tx) => tx.run(cypher, params));
  return new Map(
    result.records.map((record) => [
      String(record.get('id')),
      (record.get('relationships') as Record<string, unknown>[]).map(toRelationshipRecord),
    ]),
  );
}

/** Loads each entity's degree, keyed by entity id. */
export async function findDegrees(db: Database, ids: readonly string[]): Promise<Map<string, number>> {
  const { cypher, params } = degreesQuery(ids);
  const result = await db.read((tx) => tx.run(cypher, params));
  return new Map(result.records.map((record) => [String(record.get('id')), Number(record.get('degree'))]));
}
