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

/** How each order reads its key off an entity `n`, and which way it runs. Ties break by id, in the key's direction. */
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
  const cmp = descending ? '<' : '>';
  const conditions: string[] = [];
  const params: Record<string, unknown> = { firstPlusOne: neo4j.int(args.first + 1) };
  // Where the page starts. After a cursor of a keyed order there are two ranges, each one seek on the (key, id)
  // index: the rest of the cursor's tie group (key equal, id past it) and the keys past it. Written as one
  // predicate, Neo4j would seek only on the key and then filter the whole tie group (50,000 entities written by
  // one bulk import share their updatedAt, and most entities of a big graph share a small degree).
  let starts: string[];
  if (args.after) {
    if (args.order === 'ID') {
      starts = ['n.id > $afterId'];
      params.afterId = args.after[0];
    } else {
      // `n.id IS NOT NULL` (always true) names both properties of the (key, id) index, which Neo4j needs to use it.
      starts = [`${key} = $afterKey AND n.id ${cmp} $afterId`, `${key} ${cmp} $afterKey AND n.id IS NOT NULL`];
      params.afterKey = args.after[0];
      params.afterId = args.after[1];
    }
  } else if (args.order !== 'ID') {
    // A predicate on the sort key lets the planner read the index in order (and skips entities without it).
    starts = [`${key} ${descending ? '<=' : '>='} $startKey AND n.id IS NOT NULL`];
    params.startKey = args.order === 'DEGREE' ? neo4j.int(Number.MAX_SAFE_INTEGER) : args.order === 'UPDATED' ? '\uffff' : '';
  } else {
    starts = ["n.id >= ''"];
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
  const whereWith = (start: string): string => [start, ...conditions].join(' AND ');
  // Ties run the way the key does, so one (key, id) index read forwards or backwards gives the whole order.
  const orderBy = args.order === 'ID' ? 'n.id' : `${key}${descending ? ' DESC' : ''}, n.id${descending ? ' DESC' : ''}`;

  let match: string;
  if (mentionedIn) {
    params.documentId = mentionedIn;
    match = `MATCH (e:Evidence {documentId: $documentId})
WITH DISTINCT e.factId AS id
MATCH (n:Entity {id: id}) WHERE ${starts.length === 1 ? whereWith(starts[0]!) : whereWith(`((${starts.join(') OR (')}))`)}
WITH n ORDER BY ${orderBy} LIMIT $firstPlusOne`;
  } else {
    // Each kind's page comes off its own label when there are few kinds; the few candidates are merged.
    const labels = args.kinds && args.kinds.length > 0 && args.kinds.length <= 3 ? [...new Set(args.kinds)].map((kind) => KIND_LABEL[kind]) : ['Entity'];
    const branches = labels.flatMap((label) => starts.map((start) => `MATCH (n:${label}) WHERE ${whereWith(start)} RETURN n ORDER BY ${orderBy} LIMIT $firstPlusOne`));
    match =
      branches.length === 1
        ? `MATCH (n:${labels[0]}) WHERE ${whereWith(starts[0]!)}
WITH n ORDER BY ${orderBy} LIMIT $firstPlusOne`
        : `CALL () {
${branches.map((branch) => `  ${branch}`).join('\n  UNION\n')}
}
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
