import type { ManagedTransaction } from 'neo4j-driver';
import { ANY_RELATIONSHIP_TYPE, rows } from './cypher.js';
import { deleteEvidenceOf } from './evidence.js';
import { WriteRejected } from './problems.js';
import { recordDeletions } from './redirects.js';
import { refreshDegrees } from './relationships.js';
import type { Writer } from './types.js';

/**
 * Deletes an entity with its relationships and every quote of either, so no quote is left pointing at nothing.
 * The deletion is recorded, so a seed that still lists the entity does not bring it back.
 */
export async function deleteEntity(tx: ManagedTransaction, id: string, writer: Writer): Promise<string> {
  const found = await rows(
    tx,
    `MATCH (n:Entity {id: $id})
CALL (n) { MATCH (n)-[r]-(m:Entity) RETURN collect(r.id) AS relationshipIds, collect(DISTINCT m.id) AS neighbours }
RETURN relationshipIds, neighbours`,
    { id },
  );
  const row = found[0];
  if (!row) throw new WriteRejected([{ kind: 'NOT_FOUND', place: 'id', message: `entity ${id} does not exist` }]);
  const relationshipIds = (row.relationshipIds as unknown[]).map(String);
  await deleteEvidenceOf(tx, [id, ...relationshipIds]);
  await tx.run('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id });
  await refreshDegrees(tx, (row.neighbours as unknown[]).map(String));
  await recordDeletions(tx, [id, ...relationshipIds], writer.source, writer.at);
  return id;
}

/** Deletes one relationship (found by id whatever its type) and its quotes. */
export async function deleteRelationship(tx: ManagedTransaction, id: string, writer: Writer): Promise<string> {
  const found = await rows(
    tx,
    `MATCH (a)-[r:${ANY_RELATIONSHIP_TYPE} {id: $id}]->(b) DELETE r RETURN a.id AS source, b.id AS target`,
    { id },
  );
  const row = found[0];
  if (!row) throw new WriteRejected([{ kind: 'NOT_FOUND', place: 'id', message: `relationship ${id} does not exist` }]);
  await deleteEvidenceOf(tx, [id]);
  await refreshDegrees(tx, [String(row.source), String(row.target)]);
  await recordDeletions(tx, [id], writer.source, writer.at);
  return id;
}

/**
 * Removes items a writer owns (it wrote them last) and no longer lists: relationships with their quotes, then
 * entities left with no relationships, then documents no quote points into. Items someone else changed since,
 * entities others still link to, and documents still quoted stay. No deletion record: the writer withdrew its
 * own word, nobody deleted a fact.
 */
export async function retireOwned(
  tx: ManagedTransaction,
  items: { owner: string; entityIds: readonly string[]; relationshipIds: readonly string[]; documentIds: readonly string[] },
): Promise<void> {
  const { owner } = items;
  if (items.relationshipIds.length > 0) {
    const retired = await rows(
      tx,
      `UNWIND $ids AS id MATCH (a)-[r:${ANY_RELATIONSHIP_TYPE} {id: id}]->(b) WHERE r.updatedBy = $owner
DELETE r RETURN id, a.id AS source, b.id AS target`,
      { ids: [...items.relationshipIds], owner },
    );
    await deleteEvidenceOf(
      tx,
      retired.map((row) => String(row.id)),
    );
    await refreshDegrees(tx, retired.flatMap((row) => [String(row.source), String(row.target)]));
  }
  if (items.entityIds.length > 0) {
    const retired = await rows(
      tx,
      `UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE n.updatedBy = $owner AND NOT EXISTS { (n)--() }
DELETE n RETURN id`,
      { ids: [...items.entityIds], owner },
    );
    await deleteEvidenceOf(
      tx,
      retired.map((row) => String(row.id)),
    );
  }
  if (items.documentIds.length > 0) {
    await tx.run(
      `UNWIND $ids AS id MATCH (d:Document {id: id}) WHERE d.updatedBy = $owner AND NOT EXISTS { MATCH (:Evidence {documentId: id}) }
DELETE d`,
      { ids: [...items.documentIds], owner },
    );
  }
}
