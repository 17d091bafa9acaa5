import type { CypherQuery, Database } from '../db/driver.js';
import { readKeyed } from '../db/read.js';
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

/** Every document, ordered by id (from the id index, in order). */
export function allDocumentsQuery(): CypherQuery {
  return { cypher: "MATCH (d:Document) WHERE d.id >= '' RETURN properties(d) AS document ORDER BY d.id", params: {} };
}

/** Graph-wide counts, each read from Neo4j's count store (no node or relationship is visited). */
export function statsQuery(): CypherQuery {
  return {
    cypher: `CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
CALL () { MATCH (e:Evidence) RETURN count(e) AS evidence }
RETURN entities, relationships, documents, evidence`,
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

/** Loads every document. */
export async function listDocuments(db: Database): Promise<DocumentRecord[]> {
  const { cypher, params } = allDocumentsQuery();
  const result = await db.read((tx) => tx.run(cypher, params));
  return result.records.map((record) => toDocumentRecord(record.get('document') as Record<string, unknown>));
}

/** Graph-wide counts. */
export async function readStats(db: Database): Promise<{ entities: number; relationships: number; documents: number; evidence: number }> {
  const { cypher, params } = statsQuery();
  const result = await db.read((tx) => tx.run(cypher, params));
  const record = result.records[0];
  const count = (key: string): number => Number(record?.get(key) ?? 0);
  return { entities: count('entities'), relationships: count('relationships'), documents: count('documents'), evidence: count('evidence') };
}
