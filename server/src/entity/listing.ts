import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../db/driver.js';
import type { CursorKey } from '../graph/cursor.js';
import { ENTITY_PROJECTION } from '../graph/entity.js';
import { foldForSearch } from '../graph/fold.js';
import { KIND_LABEL, checkedRelationshipType, type EntityKindName, type RelationshipTypeName } from '../graph/model.js';

export type EntityOrderName = 'NAME' | 'DEGREE' | 'UPDATED' | 'ID';

export interface EntityListFilter {
  nameContains?: string | null;
  hasRelationship?: RelationshipTypeName | null;
  mentionedIn?: string | null;
  changedSince?: string | null;
}

/** How each order reads its key off an entity `n`, and which way it runs. Ties always break by id ascending. */
const ORDERS: Record<EntityOrderName, { key: string; descending: boolean; keyParts: number }> = {
  NAME: { key: 'n.name', descending: false, keyParts: 2 },
  DEGREE: { key: 'n.degree', descending: true, keyParts: 2 },
  UPDATED: { key: 'n.updatedAt', descending: true, keyParts: 2 },
  ID: { key: 'n.id', descending: false, keyParts: 1 },
};

/** How many parts a cursor of this order holds. */
export const cursorParts = (order: EntityOrderName): number => ORDERS[order].keyParts;

/** The cursor key of an entity row, for the order. */
export function cursorKeyOf(order: EntityOrderName, row: { id: string; name: string; degree: number; updatedAt: string | null }): CursorKey {
  switch (order) {
    case 'NAME':
      return [row.name, row.id];
    case 'DEGREE':
      return [row.degree, row.id];
    case 'UPDATED':
      return [row.updatedAt, row.id];
    case 'ID':
      return [row.id];
  }
}

/**
 * One page of entities in keyset order. Without filters that need another start, each kind's entities are read
 * off that label's range index in order from the cursor (`>=`/`<=` on the sort key, so the index seek starts
 * there), which is why a deep page costs what the first does. `mentionedIn` starts from the document's quotes
 * and `nameContains` from the text index; those sort only their matches.
 */
export function entityPageQuery(args: {
  kinds: readonly EntityKindName[] | null;
  filter: EntityListFilter;
  order: EntityOrderName;
  first: number;
  after: CursorKey | null;
}): CypherQuery {
  const { key, descending } = ORDERS[args.order];
  const conditions: string[] = [];
  const params: Record<string, unknown> = { firstPlusOne: neo4j.int(args.first + 1) };
  if (args.after) {
    if (args.order === 'ID') {
      conditions.push('n.id > $afterId');
      params.afterId = args.after[0];
    } else {
      const cmp = descending ? '<' : '>';
      conditions.push(`${key} ${cmp}= $afterKey AND (${key} ${cmp} $afterKey OR n.id > $afterId)`);
      params.afterKey = args.after[0];
      params.afterId = args.after[1];
    }
  } else if (args.order !== 'ID') {
    // A predicate on the sort key lets the planner read the index in order (and skips entities without it).
    conditions.push(`${key} ${descending ? '<=' : '>='} $startKey`);
    params.startKey = args.order === 'DEGREE' ? neo4j.int(Number.MAX_SAFE_INTEGER) : args.order === 'UPDATED' ? '\uffff' : '';
  } else {
    conditions.push("n.id >= ''");
  }
  const { nameContains, hasRelationship, mentionedIn, changedSince } = args.filter;
  if (nameContains) {
    conditions.push('n.searchText CONTAINS $contains');
    params.contains = foldForSearch(nameContains);
  }
  if (hasRelationship) conditions.push(`EXISTS { (n)-[:${checkedRelationshipType(hasRelationship)}]-() }`);
  if (changedSince) {
    conditions.push('n.updatedAt >= $changedSince');
    params.changedSince = changedSince;
  }
  if (args.kinds) {
    conditions.push('n.kind IN $kinds');
    params.kinds = [...args.kinds];
  }
  const where = conditions.join(' AND ');
  const orderBy = `${key}${descending ? ' DESC' : ''}${args.order === 'ID' ? '' : ', n.id'}`;

  let match: string;
  if (mentionedIn) {
    params.documentId = mentionedIn;
    match = `MATCH (e:Evidence {documentId: $documentId})
WITH DISTINCT e.factId AS id
MATCH (n:Entity {id: id}) WHERE ${where}
WITH n ORDER BY ${orderBy} LIMIT $firstPlusOne`;
  } else if (args.kinds && args.kinds.length > 0 && args.kinds.length <= 3) {
    // Each kind's page comes off its own label; the few candidates are merged.
    match = `CALL () {
${[...new Set(args.kinds)]
  .map((kind) => `  MATCH (n:${KIND_LABEL[kind]}) WHERE ${where} RETURN n ORDER BY ${orderBy} LIMIT $firstPlusOne`)
  .join('\n  UNION\n')}
}
WITH n ORDER BY ${orderBy} LIMIT $firstPlusOne`;
  } else {
    match = `MATCH (n:Entity) WHERE ${where}
WITH n ORDER BY ${orderBy} LIMIT $firstPlusOne`;
  }
  return { cypher: `${match}\nRETURN ${ENTITY_PROJECTION} AS entity, n.updatedAt AS updatedAt`, params };
}

/** How many entities the listing matches: the count store when only kinds are given, else a count of matches. */
export function entityCountQuery(args: { kinds: readonly EntityKindName[] | null; filter: EntityListFilter }): CypherQuery {
  const { nameContains, hasRelationship, mentionedIn, changedSince } = args.filter;
  const filtered = Boolean(nameContains || hasRelationship || mentionedIn || changedSince);
  if (!filtered) {
    const labels = args.kinds ? [...new Set(args.kinds)].map((kind) => KIND_LABEL[kind]) : ['Entity'];
    return {
      cypher: `RETURN ${labels.map((label) => `COUNT { MATCH (n:${label}) }`).join(' + ')} AS total`,
      params: {},
    };
  }
  const page = entityPageQuery({ kinds: args.kinds, filter: args.filter, order: 'ID', first: 0, after: null });
  const body = page.cypher.split('\nWITH n ORDER BY')[0]!;
  return { cypher: `${body}\nRETURN count(n) AS total`, params: page.params };
}
