import DataLoader from 'dataloader';
import type { Database } from './db/driver.js';
import { findEntities, findRelationshipsOf } from './entity/repository.js';
import type { EntityRecord } from './graph/entity.js';
import type { DocumentRecord, EvidenceRecord } from './graph/provenance.js';
import type { RelationshipRecord } from './graph/relationship.js';
import { findDocuments, findEvidenceOf } from './provenance/repository.js';
import { findRelationships } from './relationship/repository.js';

/** Per-request batching: each loader turns many field lookups in one request into one Cypher query. */
export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  relationship: DataLoader<string, RelationshipRecord | null>;
  relationshipsOf: DataLoader<string, RelationshipRecord[]>;
  /** Quotes of an entity or relationship, by its id. */
  evidenceOf: DataLoader<string, EvidenceRecord[]>;
  document: DataLoader<string, DocumentRecord | null>;
}

/** The writer a request's bearer token names; null when the request carries no valid token. */
export interface RequestWriter {
  /** The token's name, stamped on what it writes as `api:<name>`. */
  name: string;
}

/** What every resolver receives. */
export interface GraphQLContext {
  db: Database;
  loaders: Loaders;
  writer: RequestWriter | null;
  /** Whether the server accepts writes at all (a token is configured). */
  writable: boolean;
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
    relationship: keyed<RelationshipRecord | null>((ids) => findRelationships(db, ids), null),
    relationshipsOf: keyed<RelationshipRecord[]>((ids) => findRelationshipsOf(db, ids), []),
    evidenceOf: keyed<EvidenceRecord[]>((ids) => findEvidenceOf(db, ids), []),
    document: keyed<DocumentRecord | null>((ids) => findDocuments(db, ids), null),
  };
}
