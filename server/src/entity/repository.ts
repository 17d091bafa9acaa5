import type { Database } from '../db/driver.js';
import { toEntityRecord, type EntityRecord } from '../graph/entity.js';
import { toRelationshipRecord, type RelationshipRecord } from '../graph/relationship.js';
import { entitiesByIdsQuery, relationshipsOfEntitiesQuery } from './queries.js';

/** Loads entities by id (merged ids answer with the kept entity), keyed by the id asked for. */
export async function findEntities(db: Database, ids: readonly string[]): Promise<Map<string, EntityRecord>> {
  const { cypher, params } = entitiesByIdsQuery(ids);
  const result = await db.read((tx) => tx.run(cypher, params));
  return new Map(result.records.map((record) => [String(record.get('requested')), toEntityRecord(record.get('entity') as Record<string, unknown>)]));
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
