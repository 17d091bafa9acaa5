import type { CypherQuery, Database } from '../db/driver.js';
import { readKeyed } from '../db/read.js';
import { toDocumentRecord, toEvidenceRecord, type DocumentRecord, type EvidenceRecord } from './model.js';

/** Evidence records by id. */
export function evidenceByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: 'UNWIND $ids AS id MATCH (e:Evidence {id: id}) RETURN properties(e) AS evidence',
    params: { ids: [...ids] },
  };
}

/** Documents by id. */
export function documentsByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: 'UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN properties(d) AS document',
    params: { ids: [...ids] },
  };
}

/** Every document, ordered by id. */
export function allDocumentsQuery(): CypherQuery {
  return { cypher: 'MATCH (d:Document) RETURN properties(d) AS document ORDER BY d.id', params: {} };
}

/** Counts of entities, relationships between entities, documents and evidence. */
export function statsQuery(): CypherQuery {
  return {
    cypher: `RETURN COUNT { (:Entity) } AS entities,
  COUNT { (:Entity)-[]->(:Entity) } AS relationships,
  COUNT { (:Document) } AS documents,
  COUNT { (:Evidence) } AS evidence`,
    params: {},
  };
}

/** Loads evidence by id, keyed by id. */
export function findEvidence(db: Database, ids: readonly string[]): Promise<Map<string, EvidenceRecord>> {
  return readKeyed(db, evidenceByIdsQuery(ids), 'evidence', toEvidenceRecord);
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
