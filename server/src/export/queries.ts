import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../db/driver.js';
import { checkedRelationshipType, type EntityKindName, type RelationshipTypeName } from '../graph/model.js';
import { MAX_EXPORT_DEPTH } from './selection.js';

/**
 * Cypher of the export. Every read starts from an index: the whole graph is paged by id off the unique id index
 * (keyset: `n.id > $after`, in index order, so batch 100 costs what batch 1 costs), a selection is looked up by
 * id, and each fact's quotes come off the `Evidence.factId` index, with their documents off the id index.
 */

/** A relationship pattern's type part, from the allowlist only: `:ROLE_AT|RUNS`, or nothing for every type. */
function typePattern(types: readonly RelationshipTypeName[] | null): string {
  return types ? `:${types.map(checkedRelationshipType).join('|')}` : '';
}

/** The quotes of fact `fact` in document order, and the `publishedAt` of each quote's document (one row always). */
function quotesOf(fact: string): string {
  return `CALL (${fact}) {
  MATCH (e:Evidence {factId: ${fact}.id})
  OPTIONAL MATCH (d:Document {id: e.documentId})
  WITH e, d ORDER BY e.documentId, e.start, e.end, e.id
  RETURN collect(e.quote) AS quotes, collect(d.publishedAt) AS dates
}`;
}

const NODE_RETURN = `RETURN n { .id, .kind, .name, aliases: coalesce(n.aliases, []), .description, degree: coalesce(n.degree, 0), .vision, .fullName, .when } AS node, quotes, dates`;
const EDGE_MAP = 'r { .id, type: type(r), source: a.id, target: b.id, .title }';
const EDGE_RETURN = `RETURN ${EDGE_MAP} AS edge, quotes, dates`;

/**
 * One page of the whole graph's entities, after id `after` in id order. The hint keeps the id index even with a
 * kind filter: the kind index would return every entity of the kinds, to be sorted again for every page.
 */
function entityPage(variable: string, kinds: readonly EntityKindName[] | null): string {
  return `MATCH (${variable}:Entity) USING INDEX ${variable}:Entity(id)
WHERE ${variable}.id > $after${kinds ? ` AND ${variable}.kind IN $kinds` : ''}
WITH ${variable} ORDER BY ${variable}.id LIMIT $limit`;
}

/** Entities of the whole graph (optionally of some kinds), one keyset page with their quotes. */
export function entityPageQuery(args: { after: string; limit: number; kinds: readonly EntityKindName[] | null }): CypherQuery {
  return {
    cypher: `${entityPage('n', args.kinds)}
${quotesOf('n')}
${NODE_RETURN}`,
    params: { after: args.after, limit: neo4j.int(args.limit), ...(args.kinds ? { kinds: [...args.kinds] } : {}) },
  };
}

/** Entities by id (a batch of a selection), with their quotes. */
export function entitiesByIdQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
${quotesOf('n')}
${NODE_RETURN}`,
    params: { ids: [...ids] },
  };
}

/**
 * The relationships leaving one keyset page of source entities, with their quotes. `sources` and `last` tell the
 * caller how far the page reached even when its last entities have no relationships.
 */
export function relationshipPageQuery(args: {
  after: string;
  limit: number;
  kinds: readonly EntityKindName[] | null;
  types: readonly RelationshipTypeName[] | null;
}): CypherQuery {
  return {
    cypher: `${entityPage('a', args.kinds)}
WITH collect(a) AS page
CALL (page) {
  UNWIND page AS a
  // No label on b: only entities are linked, and without it no index on b can tempt the planner to start there.
  MATCH (a)-[r${typePattern(args.types)}]->(b)${args.kinds ? ' WHERE b.kind IN $kinds' : ''}
  ${quotesOf('r')}
  RETURN collect({edge: ${EDGE_MAP}, quotes: quotes, dates: dates}) AS edges
}
RETURN size(page) AS sources, page[-1].id AS last, edges`,
    params: { after: args.after, limit: neo4j.int(args.limit), ...(args.kinds ? { kinds: [...args.kinds] } : {}) },
  };
}

/** The relationships from a batch of a selection's entities to any entity of the selection, with their quotes. */
export function relationshipsWithinQuery(args: {
  sourceIds: readonly string[];
  selected: readonly string[];
  types: readonly RelationshipTypeName[] | null;
}): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r${typePattern(args.types)}]->(b)
WHERE b.id IN $selected
${quotesOf('r')}
${EDGE_RETURN}`,
    params: { ids: [...args.sourceIds], selected: [...args.selected] },
  };
}

/**
 * The ids of a selection: the start entities and, breadth first, everything within `depth` hops over relationships
 * of the given types through entities of the given kinds. Each level stops one past `limit`, so a hub cannot blow
 * the query up; `tooMany` says the selection would exceed it. `starts` lists the start ids that exist.
 */
export function selectionQuery(args: {
  ids: readonly string[];
  depth: number;
  limit: number;
  kinds: readonly EntityKindName[] | null;
  types: readonly RelationshipTypeName[] | null;
}): CypherQuery {
  if (!Number.isInteger(args.depth) || args.depth < 0 || args.depth > MAX_EXPORT_DEPTH) {
    throw new RangeError(`depth must be an integer from 0 to ${MAX_EXPORT_DEPTH}`);
  }
  const levels: string[] = [];
  for (let level = 1; level <= args.depth; level += 1) {
    levels.push(`CALL (seen, frontier) {
  UNWIND (CASE WHEN size(seen) > $limit THEN [] ELSE frontier END) AS f
  MATCH (f)-[${typePattern(args.types)}]-(n:Entity)
  WHERE NOT n IN seen${args.kinds ? ' AND n.kind IN $kinds' : ''}
  WITH DISTINCT n LIMIT $limitPlusOne
  RETURN collect(n) AS found
}
WITH starts, seen + found AS seen, found AS frontier`);
  }
  return {
    cypher: `MATCH (s:Entity) WHERE s.id IN $ids
WITH collect(DISTINCT s) AS seen
WITH [s IN seen | s.id] AS starts, seen, seen AS frontier
${levels.join('\n')}
RETURN starts, [n IN seen[..$limit] | n.id] AS ids, size(seen) > $limit AS tooMany`,
    params: {
      ids: [...args.ids],
      limit: neo4j.int(args.limit),
      limitPlusOne: neo4j.int(args.limit + 1),
      ...(args.kinds ? { kinds: [...args.kinds] } : {}),
    },
  };
}
