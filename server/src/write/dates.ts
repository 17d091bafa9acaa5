import type { ManagedTransaction } from 'neo4j-driver';
import { ANY_RELATIONSHIP_TYPE } from '../graph/model.js';
import { rows, runBatched } from './cypher.js';

const SPAN = `OPTIONAL MATCH (e:Evidence {factId: f.id})
  OPTIONAL MATCH (d:Document {id: e.documentId})
  WITH d.publishedAt AS at WHERE at IS NOT NULL
  RETURN min(at) AS first, max(at) AS last`;

/**
 * Dates facts by their sources: `firstSeen` / `lastSeen` are the earliest and latest `publishedAt` of the
 * documents quoting each fact (strings of year, month or day precision, which sort in time order).
 */
export async function refreshDates(tx: ManagedTransaction, factIds: readonly string[]): Promise<void> {
  const ids = [...new Set(factIds)];
  if (ids.length === 0) return;
  await runBatched(
    tx,
    `UNWIND $rows AS id MATCH (f:Entity {id: id})
CALL (f) { ${SPAN} }
SET f.firstSeen = first, f.lastSeen = last`,
    ids.filter((id) => !id.startsWith('rel:')),
  );
  await runBatched(
    tx,
    `UNWIND $rows AS id MATCH ()-[f:${ANY_RELATIONSHIP_TYPE} {id: id}]->()
CALL (f) { ${SPAN} }
SET f.firstSeen = first, f.lastSeen = last`,
    ids.filter((id) => id.startsWith('rel:')),
  );
}

/** The facts quoting the given documents (a document's date changed, so theirs may have). */
export async function factsQuoting(tx: ManagedTransaction, documentIds: readonly string[]): Promise<string[]> {
  if (documentIds.length === 0) return [];
  const found = await rows(tx, 'UNWIND $ids AS id MATCH (e:Evidence {documentId: id}) RETURN DISTINCT e.factId AS id', { ids: [...documentIds] });
  return found.map((row) => String(row.id));
}
