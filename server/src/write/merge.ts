import type { ManagedTransaction } from 'neo4j-driver';
import { evidenceIdFor } from '../graph/ids.js';
import { KIND_PROPERTIES, KIND_PROPERTY_NAMES, checkedRelationshipType } from '../graph/model.js';
import { searchNames, searchText } from '../graph/search-names.js';
import { groupBy, rows } from './cypher.js';
import { refreshDates } from './dates.js';
import { deleteEvidenceOf } from './evidence.js';
import { WriteRejected } from './problems.js';
import { readTombstones } from './redirects.js';
import { refreshDegrees } from './relationships.js';
import type { Writer } from './types.js';

/** What a merge did, beyond keeping `keepId`. */
export interface MergeReport {
  keepId: string;
  /** Relationships moved over to the kept entity. */
  moved: number;
  /** Relationships the kept entity already had (same type, direction and other end): their quotes were joined. */
  joined: number;
  /** Relationships between the two entities, which a merge turns into nothing and so removes with their quotes. */
  dropped: string[];
}

interface Touching {
  id: string;
  type: string;
  outgoing: boolean;
  other: string;
  props: Record<string, unknown>;
}

/**
 * Merges `removeId` into `keepId`: relationships and quotes move over, aliases are joined (the removed name
 * becomes one), fields the kept entity lacks are filled, and the removed id is recorded so it keeps resolving.
 */
export async function mergeEntities(tx: ManagedTransaction, keepId: string, removeId: string, writer: Writer): Promise<MergeReport> {
  if (keepId === removeId) {
    throw new WriteRejected([{ kind: 'BAD_INPUT', place: 'removeId', message: 'an entity cannot be merged into itself' }]);
  }
  const nodes = await rows(
    tx,
    `UNWIND [$keep, $remove] AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, properties(n) AS props`,
    { keep: keepId, remove: removeId },
  );
  const keep = nodes.find((n) => n.id === keepId)?.props as Record<string, unknown> | undefined;
  const remove = nodes.find((n) => n.id === removeId)?.props as Record<string, unknown> | undefined;
  if (!keep || !remove) {
    const tombstones = await readTombstones(tx, [keepId, removeId]);
    const missing = [!keep ? ['keepId', keepId] : null, !remove ? ['removeId', removeId] : null].filter((x) => x !== null);
    throw new WriteRejected(
      missing.map(([place, id]) => {
        const into = tombstones.get(id!)?.mergedInto;
        return { kind: 'NOT_FOUND' as const, place: place!, message: `entity ${id} does not exist${into ? ` (it was merged into ${into})` : ''}` };
      }),
    );
  }

  const [keepRels, removeRels] = await Promise.all([touching(tx, keepId), touching(tx, removeId)]);
  const existing = new Map(keepRels.map((r) => [`${r.type}|${r.outgoing}|${r.other}`, r.id]));
  const dropped = removeRels.filter((r) => r.other === keepId);
  const joins = new Map<string, string>();
  const moves: Touching[] = [];
  for (const r of removeRels) {
    if (r.other === keepId) continue;
    const twin = existing.get(`${r.type}|${r.outgoing}|${r.other}`);
    if (twin) joins.set(r.id, twin);
    else moves.push(r);
  }

  await deleteEvidenceOf(
    tx,
    dropped.map((r) => r.id),
  );
  await tx.run('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id: removeId });
  for (const [key, group] of groupBy(moves, (r) => `${r.type}|${r.outgoing}`)) {
    const [type, outgoing] = key.split('|') as [string, string];
    const arrow = outgoing === 'true' ? `(k)-[r:${checkedRelationshipType(type)}]->(m)` : `(m)-[r:${checkedRelationshipType(type)}]->(k)`;
    await tx.run(
      `MATCH (k:Entity {id: $keep})
UNWIND $rows AS row
MATCH (m:Entity {id: row.other})
CREATE ${arrow}
SET r = row.props, r.updatedAt = $at, r.updatedBy = $by`,
      { keep: keepId, at: writer.at, by: writer.source, rows: group.map((r) => ({ other: r.other, props: r.props })) },
    );
  }
  await rekeyEvidence(tx, removeId, keepId);
  for (const [from, into] of joins) await rekeyEvidence(tx, from, into);

  const aliases = [...new Set([...(asStrings(keep.aliases)), String(remove.name), ...asStrings(remove.aliases)])].filter(
    (alias) => alias !== keep.name,
  );
  const filled: Record<string, unknown> = {};
  for (const field of ['description', ...KIND_PROPERTY_NAMES]) {
    const allowed = field === 'description' || (KIND_PROPERTIES as Record<string, readonly string[]>)[String(keep.kind)]?.includes(field);
    if (allowed && keep[field] == null && remove[field] != null) filled[field] = remove[field];
  }
  await tx.run(
    `MATCH (n:Entity {id: $keep})
SET n += $filled, n.aliases = $aliases, n.searchNames = $searchNames, n.searchText = $searchText, n.updatedAt = $at, n.updatedBy = $by`,
    {
      keep: keepId,
      filled,
      aliases,
      searchNames: searchNames(String(keep.name), aliases),
      searchText: searchText(String(keep.name), aliases),
      at: writer.at,
      by: writer.source,
    },
  );
  await tx.run(
    `MERGE (t:Tombstone {id: $remove}) SET t.mergedInto = $keep, t.mergedAt = $at, t.mergedBy = $by, t.deletedAt = null
WITH t
UNWIND $joined AS j
MERGE (x:Tombstone {id: j.from}) SET x.mergedInto = j.into, x.mergedAt = $at, x.mergedBy = $by`,
    { remove: removeId, keep: keepId, at: writer.at, by: writer.source, joined: [...joins].map(([from, into]) => ({ from, into })) },
  );
  // Earlier merges into the removed entity now point at the kept one, so every old id resolves in one hop.
  await tx.run('MATCH (t:Tombstone {mergedInto: $remove}) SET t.mergedInto = $keep', { remove: removeId, keep: keepId });
  await refreshDegrees(tx, [keepId, ...removeRels.map((r) => r.other).filter((id) => id !== keepId)]);
  await refreshDates(tx, [keepId, ...joins.values()]);
  return { keepId, moved: moves.length, joined: joins.size, dropped: dropped.map((r) => r.id) };
}

async function touching(tx: ManagedTransaction, id: string): Promise<Touching[]> {
  const found = await rows(
    tx,
    `MATCH (n:Entity {id: $id})-[r]-(m:Entity)
RETURN r.id AS id, type(r) AS type, startNode(r) = n AS outgoing, m.id AS other, properties(r) AS props`,
    { id },
  );
  return found.map((row) => ({
    id: String(row.id),
    type: String(row.type),
    outgoing: row.outgoing === true,
    other: String(row.other),
    props: row.props as Record<string, unknown>,
  }));
}

/** Moves a fact's quotes to another fact; a quote the target already has is not copied twice. */
async function rekeyEvidence(tx: ManagedTransaction, fromFact: string, toFact: string): Promise<void> {
  const quotes = await rows(
    tx,
    'MATCH (e:Evidence {factId: $from}) RETURN e.id AS id, e.documentId AS documentId, e.start AS start, e.end AS end, e.supports AS supports',
    { from: fromFact },
  );
  if (quotes.length === 0) return;
  const moves = quotes.map((q) => ({
    id: String(q.id),
    newId: evidenceIdFor(toFact, String(q.documentId), Number(q.start), Number(q.end), typeof q.supports === 'string' ? q.supports : null),
  }));
  await tx.run(
    `UNWIND $moves AS m
MATCH (e:Evidence {id: m.id})
OPTIONAL MATCH (twin:Evidence {id: m.newId})
FOREACH (_ IN CASE WHEN twin IS NULL THEN [1] ELSE [] END | SET e.id = m.newId, e.factId = $to)
FOREACH (_ IN CASE WHEN twin IS NULL THEN [] ELSE [1] END | DELETE e)`,
    { moves, to: toFact },
  );
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
