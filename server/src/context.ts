import DataLoader from 'dataloader';
import type { Database } from './db/driver.js';
import type { EntityRecord } from './entity/model.js';
import { findDegrees, findEntities, findRelationshipsOf } from './entity/repository.js';
import type { RelationshipRecord } from './neighbourhood/model.js';
import type { DocumentRecord, EvidenceRecord } from './provenance/model.js';
import { findDocuments, findEvidence } from './provenance/repository.js';

/** Per-request batching: each loader turns many field lookups in one request into one Cypher query. */
export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  relationshipsOf: DataLoader<string, RelationshipRecord[]>;
  degree: DataLoader<string, number>;
  evidence: DataLoader<string, EvidenceRecord | null>;
  document: DataLoader<string, DocumentRecord | null>;
}

/** What every resolver receives. */
export interface GraphQLContext {
  db: Database;
  loaders: Loaders;
}

function keyed<V>(load: (ids: readonly string[]) => Promise<Map<string, V>>, missing: V): DataLoader<string, V> {
  return new DataLoader<string, V>(async (ids) => {
    const found = await load(ids);
    return ids.map((id) => found.get(id) ?? missing);
  });
}

/** Fresh loaders for one request (their caches must never outlive it). */
export function createLoaders(db: Database): Loaders {
  return {
    entity: keyed<EntityRecord | null>((ids) => findEntities(db, ids), null),
    relationshipsOf: keyed<RelationshipRecord[]>((ids) => findRelationshipsOf(db, ids), []),
    degree: keyed<number>((ids) => findDegrees(db, ids), 0),
    evidence: keyed<EvidenceRecord | null>((ids) => findEvidence(db, ids), null),
    document: keyed<DocumentRecord | null>((ids) => findDocuments(db, ids), null),
  };
}
