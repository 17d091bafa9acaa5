import type { ManagedTransaction } from 'neo4j-driver';
import { checkedRelationshipType } from '../graph/model.js';
import { SEARCH_RANK_PROPERTY, searchRankCypher } from '../graph/search-rank.js';
import { ANY_RELATIONSHIP_TYPE, groupBy, rows, runBatched } from './cypher.js';
import type { ProblemList } from './problems.js';
import type { Tombstone } from './redirects.js';
import { emptyCounts, type Counts, type Progress, type RelationshipWrite, type WritePolicy, type Writer } from './types.js';

/** A relationship as stored: its type, ends and content. */
export interface StoredRelationship {
  id: string;
  type: string;
  source: string;
  target: string;
  title: string | null;
  validFrom: string | null;
  validTo: string | null;
  updatedBy: string | null;
  createdAt: string | null;
  createdBy: string | null;
}

export interface RelationshipOutcome {
  input: RelationshipWrite;
  id: string;
  source: string;
  target: string;
  status: 'created' | 'updated' | 'unchanged' | 'kept';
}

/** Stored relationships by id, whatever their type: one index seek per type. */
export async function readStoredRelationships(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, StoredRelationship>> {
  if (ids.length === 0) return new Map();
  const found = await rows(
    tx,
    `UNWIND $ids AS id MATCH (a)-[r:${ANY_RELATIONSHIP_TYPE} {id: id}]->(b)
RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, r.title AS title, r.validFrom AS validFrom, r.validTo AS validTo,
       r.updatedBy AS updatedBy, r.createdAt AS createdAt, r.createdBy AS createdBy`,
    { ids: [...new Set(ids)] },
  );
  return new Map(
    found.map((row) => [
      String(row.id),
      {
        id: String(row.id),
        type: String(row.type),
        source: String(row.source),
        target: String(row.target),
        title: typeof row.title === 'string' ? row.title : null,
        validFrom: typeof row.validFrom === 'string' ? row.validFrom : null,
        validTo: typeof row.validTo === 'string' ? row.validTo : null,
        updatedBy: typeof row.updatedBy === 'string' ? row.updatedBy : null,
        createdAt: typeof row.createdAt === 'string' ? row.createdAt : null,
        createdBy: typeof row.createdBy === 'string' ? row.createdBy : null,
      },
    ]),
  );
}

/**
 * Writes relationships between existing entities. Ends named by a merged-away id land on the kept entity. An id
 * that moves to other ends (or, when the policy allows, another type) is deleted and written anew; its quotes
 * follow it because they are keyed by the relationship's id. Returns the entity ids whose degree changed.
 */
export async function writeRelationships(
  tx: ManagedTransaction,
  relationships: readonly RelationshipWrite[],
  tombstones: ReadonlyMap<string, Tombstone>,
  writer: Writer,
  policy: WritePolicy,
  problems: ProblemList,
  progress?: Progress,
): Promise<{ counts: Counts; outcomes: RelationshipOutcome[]; touched: string[] }> {
  const counts = emptyCounts();
  const outcomes: RelationshipOutcome[] = [];
  const touched = new Set<string>();
  const resolve = (id: string): { id: string; gone: boolean } => {
    const tombstone = tombstones.get(id);
    return { id: tombstone?.mergedInto ?? id, gone: tombstone?.deleted === true };
  };
  const planned = relationships.map((input) => ({ input, source: resolve(input.source), target: resolve(input.target) }));
  const ends = [...new Set(planned.flatMap((p) => [p.source.id, p.target.id]))];
  const live = new Set(
    (await rows(tx, 'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id', { ids: ends })).map((row) => String(row.id)),
  );
  const stored = await readStoredRelationships(
    tx,
    relationships.map((r) => r.id),
  );
  const writes: { type: string; row: Record<string, unknown> }[] = [];
  const removals: string[] = [];

  for (const { input, source, target } of planned) {
    const old = stored.get(input.id);
    const seedSkips = policy.ownedBy !== undefined;
    if (seedSkips && (tombstones.has(input.id) || source.gone || target.gone || (old !== undefined && old.updatedBy !== policy.ownedBy))) {
      outcomes.push({ input, id: input.id, source: source.id, target: target.id, status: 'kept' });
      continue;
    }
    for (const [end, resolved] of [['source', source], ['target', target]] as const) {
      if (!live.has(resolved.id)) problems.add('NOT_FOUND', `${input.place}.${end}`, `entity ${input[end]} does not exist`);
    }
    if (source.id === target.id) {
      problems.add('BAD_INPUT', `${input.place}.target`, `source and target are the same entity (${source.id})`);
      continue;
    }
    if (old && old.type !== input.type && !policy.retype) {
      problems.add('CONFLICT', input.place, `id ${input.id} is taken by a ${old.type} relationship, not ${input.type}`);
      continue;
    }
    if (!old && input.evidence.length === 0) {
      problems.add('BAD_INPUT', `${input.place}.evidence`, 'a new relationship needs at least one quote');
      continue;
    }
    const keep = <K extends 'title' | 'validFrom' | 'validTo'>(field: K): string | null =>
      input[field] === undefined && policy.fields === 'patch' && old ? old[field] : (input[field] ?? null);
    const props = { title: keep('title'), validFrom: keep('validFrom'), validTo: keep('validTo') };
    const moved = old !== undefined && (old.type !== input.type || old.source !== source.id || old.target !== target.id);
    const changed = old !== undefined && (old.title !== props.title || old.validFrom !== props.validFrom || old.validTo !== props.validTo);
    const status = !old ? 'created' : moved || changed ? 'updated' : 'unchanged';
    counts[status] += 1;
    outcomes.push({ input, id: input.id, source: source.id, target: target.id, status });
    if (status === 'unchanged') continue;
    if (moved) {
      removals.push(input.id);
      touched.add(old.source).add(old.target);
    }
    if (!old || moved) touched.add(source.id).add(target.id);
    writes.push({
      type: input.type,
      row: {
        id: input.id,
        source: source.id,
        target: target.id,
        createdAt: old?.createdAt ?? writer.at,
        createdBy: old?.createdBy ?? writer.source,
        props,
      },
    });
  }
  if (problems.items.length > 0) return { counts, outcomes, touched: [] };

  if (removals.length > 0) {
    await tx.run(`UNWIND $ids AS id MATCH ()-[r:${ANY_RELATIONSHIP_TYPE} {id: id}]->() DELETE r`, { ids: removals });
  }
  for (const [type, group] of groupBy(writes, (w) => w.type)) {
    await runBatched(
      tx,
      `UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:${checkedRelationshipType(type)} {id: row.id}]->(b)
ON CREATE SET r.createdAt = row.createdAt, r.createdBy = row.createdBy
SET r += row.props, r.updatedAt = $at, r.updatedBy = $by`,
      group.map((w) => w.row),
      { at: writer.at, by: writer.source },
      progress && ((done, total) => progress(`relationships (${type})`, done, total)),
    );
  }
  return { counts, outcomes, touched: [...touched] };
}

/**
 * Recomputes what entities store about their relationships: `degree` (and its search rank tokens, see
 * `graph/search-rank.ts`), and `expansion`, the number of neighbours per relationship type, direction and
 * neighbour kind (`ROLE_AT|in|PERSON|12`), so a hub's expansion preview is one property read.
 * Each touched entity's relationships are read once per write.
 */
export async function refreshDegrees(tx: ManagedTransaction, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await runBatched(
    tx,
    `UNWIND $rows AS id
MATCH (n:Entity {id: id})
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(m:Entity)
  WITH type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, m.kind AS kind, count(r) AS count
  WHERE type IS NOT NULL
  RETURN collect(type + '|' + direction + '|' + kind + '|' + toString(count)) AS expansion
}
WITH n, expansion, COUNT { (n)--() } AS degree
SET n.degree = degree, n.expansion = expansion, n.${SEARCH_RANK_PROPERTY} = ${searchRankCypher('degree')}`,
    [...new Set(ids)],
  );
}
