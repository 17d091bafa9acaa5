import type { Database } from '../db/driver.js';
import { readKeyed } from '../db/read.js';
import { toRelationshipRecord, type RelationshipRecord } from '../graph/relationship.js';
import { relationshipsByIdsQuery } from './queries.js';

/** Loads relationships by id, keyed by id. */
export function findRelationships(db: Database, ids: readonly string[]): Promise<Map<string, RelationshipRecord>> {
  return readKeyed(db, relationshipsByIdsQuery(ids), 'relationship', toRelationshipRecord);
}
