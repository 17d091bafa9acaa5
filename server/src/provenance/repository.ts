import neo4j from 'neo4j-driver';
import type { CypherQuery, Database } from '../db/driver.js';
import { readKeyed } from '../db/read.js';
import {
  ENTITY_KINDS,
  KIND_LABEL,
  RELATIONSHIP_TYPE_NAMES,
  type EntityKindName,
  type RelationshipTypeName,
} from '../graph/model.js';
import { toDocumentRecord, toEvidenceRecord, type DocumentRecord, type EvidenceRecord } from '../graph/provenance.js';

/** The quotes of each fact (entity or relationship id), in document order: an index lookup per fact. */
export function evidenceOfFactsQuery(factIds: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS factId
MATCH (e:Evidence {factId: factId})
WITH factId, e ORDER BY e.documentId, e.start, e.end, e.id
RETURN factId, collect(properties(e)) AS evidence`,
    params: { ids: [...factIds] },
  };
}

/** Documents by id. */
export function documentsByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: 'UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN properties(d) AS document',
    params: { ids: [...ids] },
  };
}

/** One page of documents by id after the cursor, read off the id index in order; and how many there are. */
export function documentPageQuery(args: { first: number; after: string | null }): CypherQuery {
  return {
    cypher: `CALL () {
  MATCH (d:Document) WHERE d.id > coalesce($after, '')
  WITH d ORDER BY d.id LIMIT $firstPlusOne
  RETURN collect(properties(d)) AS page
}
RETURN page, COUNT { MATCH (:Document) } AS total`,
    params: { after: args.after, firstPlusOne: neo4j.int(args.first + 1) },
  };
}

/**
 * Graph-wide counts, each read from Neo4j's count store (no node or relationship is visited): totals, then one
 * count per kind label and per relationship type (names from the allowlist).
 */
export function statsQuery(): CypherQuery {
  const kinds = ENTITY_KINDS.map((kind, i) => `CALL () { MATCH (n:${KIND_LABEL[kind]}) RETURN count(n) AS k${i} }`);
  const types = RELATIONSHIP_TYPE_NAMES.map((type, i) => `CALL () { MATCH ()-[r:${type}]->() RETURN count(r) AS t${i} }`);
  return {
    cypher: `CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
CALL () { MATCH (e:Evidence) RETURN count(e) AS evidence }
${kinds.join('\n')}
${types.join('\n')}
RETURN entities, relationships, documents, evidence,
  [${ENTITY_KINDS.map((_, i) => `k${i}`).join(', ')}] AS byKind,
  [${RELATIONSHIP_TYPE_NAMES.map((_, i) => `t${i}`).join(', ')}] AS byType`,
    params: {},
  };
}

/** Loads each fact's quotes, keyed by fact id (facts without any are absent). */
export async function findEvidenceOf(db: Database, factIds: readonly string[]): Promise<Map<string, EvidenceRecord[]>> {
  const { cypher, params } = evidenceOfFactsQuery(factIds);
  const result = await db.read((tx) => tx.run(cypher, params));
  return new Map(
    result.records.map((record) => [String(record.get('factId')), (record.get('evidence') as Record<string, unknown>[]).map(toEvidenceRecord)]),
  );
}

/** Loads documents by id, keyed by id. */
export function findDocuments(db: Database, ids: readonly string[]): Promise<Map<string, DocumentRecord>> {
  return readKeyed(db, documentsByIdsQuery(ids), 'document', toDocumentRecord);
}

/** One page of documents. */
export async function listDocuments(
  db: Database,
  args: { first: number; after: string | null },
): Promise<{ items: DocumentRecord[]; hasNextPage: boolean; totalCount: number }> {
  const { cypher, params } = documentPageQuery(args);
  const result = await db.read((tx) => tx.run(cypher, params));
  const record = result.records[0];
  const page = ((record?.get('page') as Record<string, unknown>[] | undefined) ?? []).map(toDocumentRecord);
  return { items: page.slice(0, args.first), hasNextPage: page.length > args.first, totalCount: Number(record?.get('total') ?? 0) };
}

/** Graph-wide counts, in all, per kind and per relationship type. */
export interface StatsRecord {
  entities: number;
  relationships: number;
  documents: number;
  evidence: number;
  byKind: { kind: EntityKindName; count: number }[];
  byRelationshipType: { type: RelationshipTypeName; count: number }[];
}

/** Reads the graph-wide counts. */
export async function readStats(db: Database): Promise<StatsRecord> {
  const { cypher, params } = statsQuery();
  const result = await db.read((tx) => tx.run(cypher, params));
  const record = result.records[0];
  const count = (key: string): number => Number(record?.get(key) ?? 0);
  const list = (key: string): number[] => ((record?.get(key) as unknown[] | undefined) ?? []).map(Number);
  const byKind = list('byKind');
  const byType = list('byType');
  return {
    entities: count('entities'),
    relationships: count('relationships'),
    documents: count('documents'),
    evidence: count('evidence'),
    byKind: ENTITY_KINDS.map((kind, i) => ({ kind, count: byKind[i] ?? 0 })),
    byRelationshipType: RELATIONSHIP_TYPE_NAMES.map((type, i) => ({ type, count: byType[i] ?? 0 })),
  };
}
