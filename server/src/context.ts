import DataLoader from 'dataloader';
import type { Database } from './db/driver.js';
import { findDocumentPagesOf, findEntities, findRelationshipPages, type Page } from './entity/repository.js';
import type { EntityRecord } from './graph/entity.js';
import type { DocumentRecord, EvidenceRecord } from './graph/provenance.js';
import type { RelationshipRecord } from './graph/relationship.js';
import { findMentionPages, type DocumentMentionRecord, type MentionPageArgs } from './provenance/mentions.js';
import { findDocuments, findEvidenceOf } from './provenance/repository.js';
import { findRelationships } from './relationship/repository.js';

/** Per-request batching: each loader turns many field lookups in one request into one Cypher query. */
export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  relationship: DataLoader<string, RelationshipRecord | null>;
  /** A page of an entity's relationships; entities asking with the same arguments share one query. */
  relationshipPage: DataLoader<Keyed<RelationshipPageArgs>, Page<RelationshipRecord>, string>;
  /** A page of the documents quoting an entity. */
  documentPage: DataLoader<Keyed<{ first: number; after: string | null }>, Page<string>, string>;
  /** Quotes of an entity or relationship, by its id. */
  evidenceOf: DataLoader<string, EvidenceRecord[]>;
  document: DataLoader<string, DocumentRecord | null>;
  /** A page of a document's mentions; documents asking with the same arguments share one query. */
  mentionPage: DataLoader<Keyed<MentionPageArgs>, Page<DocumentMentionRecord>, string>;
}

/** Arguments of a page of an entity's relationships. */
export type RelationshipPageArgs = Parameters<typeof findRelationshipPages>[2];

/** An entity id with the arguments of the field asking about it. */
export interface Keyed<A> {
  id: string;
  args: A;
}

/**
 * Batches field loads that carry arguments: keys with equal arguments go to one query, so a list of entities
 * each asking for its first page of relationships costs one query per distinct argument set, not per entity.
 */
function grouped<A, V>(load: (ids: readonly string[], args: A) => Promise<Map<string, V>>, missing: V): DataLoader<Keyed<A>, V, string> {
  return new DataLoader<Keyed<A>, V, string>(
    async (keys) => {
      const groups = new Map<string, { args: A; ids: string[] }>();
      for (const key of keys) {
        const argsKey = JSON.stringify(key.args);
        const group = groups.get(argsKey) ?? { args: key.args, ids: [] };
        group.ids.push(key.id);
        groups.set(argsKey, group);
      }
      const results = new Map<string, Map<string, V>>();
      await Promise.all(
        [...groups].map(async ([argsKey, group]) => {
          results.set(argsKey, await load([...new Set(group.ids)], group.args));
        }),
      );
      return keys.map((key) => results.get(JSON.stringify(key.args))?.get(key.id) ?? missing);
    },
    { cacheKeyFn: (key) => `${JSON.stringify(key.args)}\u0000${key.id}` },
  );
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
    relationshipPage: grouped<RelationshipPageArgs, Page<RelationshipRecord>>((ids, args) => findRelationshipPages(db, ids, args), {
      items: [],
      hasNextPage: false,
      totalCount: 0,
    }),
    documentPage: grouped<{ first: number; after: string | null }, Page<string>>((ids, args) => findDocumentPagesOf(db, ids, args), {
      items: [],
      hasNextPage: false,
      totalCount: 0,
    }),
    evidenceOf: keyed<EvidenceRecord[]>((ids) => findEvidenceOf(db, ids), []),
    document: keyed<DocumentRecord | null>((ids) => findDocuments(db, ids), null),
    mentionPage: grouped<MentionPageArgs, Page<DocumentMentionRecord>>((ids, args) => findMentionPages(db, ids, args), {
      items: [],
      hasNextPage: false,
      totalCount: 0,
    }),
  };
}
