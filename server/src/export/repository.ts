import type { CypherQuery, Database } from '../db/driver.js';
import { KIND_PROPERTIES, type EntityKindName, type RelationshipTypeName } from '../graph/model.js';
import { seenRange } from './dates.js';
import type { ExportEdge, ExportNode } from './model.js';
import { entitiesByIdQuery, entityPageQuery, relationshipPageQuery, relationshipsWithinQuery, selectionQuery } from './queries.js';
import { ExportInputError, MAX_SELECTION, type ExportRequest } from './selection.js';

/** Entities per read; each batch is its own short read transaction. */
export const DEFAULT_BATCH_SIZE = 1_000;

/** What an export reads: the whole graph (optionally filtered) or a fixed set of entity ids. */
export type ExportScope =
  | { kind: 'graph'; kinds: EntityKindName[] | null; types: RelationshipTypeName[] | null }
  | { kind: 'selection'; ids: string[]; types: RelationshipTypeName[] | null };

/** Options of the batch readers. */
export interface ReadOptions {
  batchSize: number;
  /** Stops the reading between batches (a client that went away). */
  signal?: AbortSignal | undefined;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function rows(db: Database, { cypher, params }: CypherQuery): Promise<Record<string, unknown>[]> {
  const result = await db.read((tx) => tx.run(cypher, params));
  return result.records.map((record) => record.toObject());
}

function toNode(row: Record<string, unknown>): ExportNode {
  const node = row.node as Record<string, unknown>;
  const kind = node.kind as EntityKindName;
  const fields: Record<string, string> = {};
  for (const field of KIND_PROPERTIES[kind] ?? []) {
    if (typeof node[field] === 'string') fields[field] = node[field];
  }
  return {
    id: String(node.id),
    kind,
    name: String(node.name),
    aliases: (node.aliases as unknown[]).map(String),
    description: typeof node.description === 'string' ? node.description : null,
    degree: Number(node.degree),
    fields,
    quotes: (row.quotes as unknown[]).map(String),
    ...seenRange(row.dates as unknown[]),
  };
}

function toEdge(row: Record<string, unknown>): ExportEdge {
  const edge = row.edge as Record<string, unknown>;
  return {
    id: String(edge.id),
    type: edge.type as RelationshipTypeName,
    source: String(edge.source),
    target: String(edge.target),
    title: typeof edge.title === 'string' ? edge.title : null,
    quotes: (row.quotes as unknown[]).map(String),
    ...seenRange(row.dates as unknown[]),
  };
}

const byId = (a: { id: string }, b: { id: string }): number => compare(a.id, b.id);
const bySourceThenId = (a: ExportEdge, b: ExportEdge): number => compare(a.source, b.source) || compare(a.id, b.id);

/**
 * Resolves an export request to what it reads. A selection by ids is computed up front (at most MAX_SELECTION
 * ids, so bounded); unknown start ids and a selection past the cap are the asker's to fix.
 */
export async function resolveScope(db: Database, request: ExportRequest, limit = MAX_SELECTION): Promise<ExportScope> {
  if (request.ids === null) return { kind: 'graph', kinds: request.kinds, types: request.types };
  const [row] = await rows(db, selectionQuery({ ids: request.ids, depth: request.depth, limit, kinds: request.kinds, types: request.types }));
  const starts = new Set((row?.starts as string[] | undefined) ?? []);
  const unknown = request.ids.filter((id) => !starts.has(id));
  if (unknown.length > 0) throw new ExportInputError(`no entity with id ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', ...' : ''}`);
  if (row?.tooMany) {
    throw new ExportInputError(
      `the selection holds more than ${limit} entities; use fewer ids, a smaller depth, kinds or types, or export the whole graph (no ids)`,
    );
  }
  const ids = ((row?.ids as string[] | undefined) ?? []).sort(compare);
  return { kind: 'selection', ids, types: request.types };
}

/** The scope's entities, in id order, one batch at a time. */
export async function* readNodes(db: Database, scope: ExportScope, options: ReadOptions): AsyncGenerator<ExportNode[]> {
  if (scope.kind === 'selection') {
    for (let at = 0; at < scope.ids.length && !options.signal?.aborted; at += options.batchSize) {
      const batch = (await rows(db, entitiesByIdQuery(scope.ids.slice(at, at + options.batchSize)))).map(toNode);
      yield batch.sort(byId);
    }
    return;
  }
  let after = '';
  while (!options.signal?.aborted) {
    const batch = (await rows(db, entityPageQuery({ after, limit: options.batchSize, kinds: scope.kinds }))).map(toNode).sort(byId);
    if (batch.length > 0) yield batch;
    if (batch.length < options.batchSize) return;
    after = batch[batch.length - 1]!.id;
  }
}

/** The scope's relationships (both ends in it), ordered by source and id, one batch of source entities at a time. */
export async function* readEdges(db: Database, scope: ExportScope, options: ReadOptions): AsyncGenerator<ExportEdge[]> {
  if (scope.kind === 'selection') {
    for (let at = 0; at < scope.ids.length && !options.signal?.aborted; at += options.batchSize) {
      const query = relationshipsWithinQuery({ sourceIds: scope.ids.slice(at, at + options.batchSize), selected: scope.ids, types: scope.types });
      const batch = (await rows(db, query)).map(toEdge);
      if (batch.length > 0) yield batch.sort(bySourceThenId);
    }
    return;
  }
  let after = '';
  while (!options.signal?.aborted) {
    const [row] = await rows(db, relationshipPageQuery({ after, limit: options.batchSize, kinds: scope.kinds, types: scope.types }));
    const batch = ((row?.edges as Record<string, unknown>[] | undefined) ?? []).map(toEdge).sort(bySourceThenId);
    if (batch.length > 0) yield batch;
    const sources = Number(row?.sources ?? 0);
    if (sources < options.batchSize || typeof row?.last !== 'string') return;
    after = row.last;
  }
}
