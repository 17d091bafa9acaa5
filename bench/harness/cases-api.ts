/**
 * The read-API questions (expansion preview, shortest path, entity pages, deep pages, export, dated neighbourhood),
 * three ways as in cases.ts. Deep-page cursors are taken once before timing: the sort key of the entity (or
 * relationship) just before the page, walked to through the server's repository functions, then encoded the way the server encodes
 * cursors (server/src/graph/cursor.ts), so timing reads only the page itself.
 */
import type { Database } from '../../server/src/db/driver.js';
import { findEntities, findRelationshipPages, listEntities } from '../../server/src/entity/repository.js';
import { encodeCursor } from '../../server/src/graph/cursor.js';
import { expansionGroups } from '../../server/src/graph/entity.js';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipTypeName } from '../../server/src/graph/model.js';
import { parseExportRequest } from '../../server/src/export/selection.js';
import { prepareExport, streamExport } from '../../server/src/export/stream.js';
import { findNeighbourhood, findShortestPaths } from '../../server/src/neighbourhood/repository.js';
import { OPEN_SCOPE } from '../../server/src/neighbourhood/scope.js';
import type { BenchCase } from './cases.js';
import { relationshipField } from './peer.js';
import type { Probes } from './probes.js';

/** Where the deep entity page starts: after this many entities in name order (fewer on graphs smaller than 100k). */
export const DEEP_PAGE_OFFSET = 50_000;
/** Where the deep page of the hub's relationships of one type starts (page 26 of 200). */
export const DEEP_RELATIONSHIP_OFFSET = 5_000;
/** The export: every programme and place, 10,000 entities at M (5% + 5%), as the CSV nodes file. */
export const EXPORT_QUERY = 'format=csv&part=nodes&kinds=PROGRAMME,PLACE';
/** The date of the dated neighbourhoods (documents are dated uniformly 2015-2026, so about half the facts). */
export const AS_OF = '2020-06-30';

const ids = (items: { id: string }[]): string[] => items.map((item) => item.id);
const sortedIds = (items: { id: string }[]): string[] => ids(items).sort();
const nodes = (connection: { edges: { node: any }[] }): any[] => connection.edges.map((edge) => edge.node);
/** @neo4j/graphql's cursors are graphql-relay offsets: "arrayconnection:<offset>" in base64. */
const peerOffsetCursor = (offset: number): string => Buffer.from(`arrayconnection:${offset - 1}`).toString('base64');

/** Entities per page while walking to the deep page's cursor. */
const WALK_PAGE = 1_000;

/** What the deep pages start after, read once before timing. */
export interface DeepKeys {
  /** Entities before the deep page, and the [name, id] key of the last of them. */
  entityOffset: number;
  entityKey: [string, string] | null;
  /** The hub's relationships of `type` in `direction` before the deep page, and the [type, id] key of the last. */
  relationshipType: RelationshipTypeName;
  relationshipDirection: 'INCOMING' | 'OUTGOING';
  relationshipOffset: number;
  relationshipKey: [string, string] | null;
}

/** Walks once to the keys the deep pages start after (untimed; the timed pages seek by key). */
export async function readDeepKeys(db: Database, probes: Probes): Promise<DeepKeys> {
  const entityOffset = await db.read(async (tx) => {
    const total = Number((await tx.run('MATCH (n:Entity) RETURN count(n) AS total')).records[0]?.get('total') ?? 0);
    return Math.min(DEEP_PAGE_OFFSET, Math.floor(total / 2));
  });
  // Walked in pages of 1,000 through the server's own listing (keyset, so each page is one index seek): one SKIP
  // over 50,000 sorted entities can outlast the read timeout on a cold page cache.
  let entityKey: [string, string] | null = null;
  for (let taken = 0; taken < entityOffset; ) {
    const first = Math.min(WALK_PAGE, entityOffset - taken);
    const page = await listEntities(db, { kinds: null, filter: {}, order: 'NAME', first, after: entityKey });
    const last = page.items.at(-1);
    if (!last) break;
    entityKey = [last.name, last.id];
    taken += page.items.length;
    if (!page.hasNextPage) break;
  }
  // The hub's biggest group of relationships (one type, one direction): the page a script walks through.
  const hub = (await findEntities(db, [probes.hubId])).get(probes.hubId);
  const groups = new Map<string, number>();
  for (const group of hub ? expansionGroups(hub) : []) {
    const key = `${group.type}|${group.direction}`;
    groups.set(key, (groups.get(key) ?? 0) + group.count);
  }
  const [biggest, count] = [...groups.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['ROLE_AT|in', 0];
  const [type, dir] = biggest.split('|') as [RelationshipTypeName, 'out' | 'in'];
  const relationshipDirection = dir === 'out' ? 'OUTGOING' : 'INCOMING';
  const relationshipOffset = Math.min(DEEP_RELATIONSHIP_OFFSET, Math.floor(count / 2));
  let relationshipKey: [string, string] | null = null;
  if (relationshipOffset > 0) {
    const scope = { ...OPEN_SCOPE, types: [type], direction: relationshipDirection } as const;
    const page = (await findRelationshipPages(db, [probes.hubId], { scope, first: relationshipOffset, after: null })).get(probes.hubId);
    const last = page?.items.at(-1);
    relationshipKey = last ? [last.type, last.id] : null;
  }
  return { entityOffset, entityKey, relationshipType: type, relationshipDirection, relationshipOffset, relationshipKey };
}

function expansionPreviewCase(id: string): BenchCase {
  // Per type and direction (the peer has no neighbour kind per field without one count per kind); sorted.
  const byTypeDirection = (groups: { type: string; direction: string; count: number }[]): [string, number][] => {
    const sums = new Map<string, number>();
    for (const g of groups) {
      const key = `${g.type}|${g.direction.startsWith('OUT') || g.direction === 'out' ? 'out' : 'in'}`;
      sums.set(key, (sums.get(key) ?? 0) + g.count);
    }
    return [...sums.entries()].filter(([, n]) => n > 0).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  };
  return {
    name: 'expansion preview (hub)',
    server: {
      query: 'query($id: ID!) { expansionPreview(id: $id) { type direction kind count } }',
      variables: { id },
      canon: (data) => byTypeDirection(data.expansionPreview),
    },
    floor: {
      run: async (db) => {
        const entity = (await findEntities(db, [id])).get(id);
        return entity ? expansionGroups(entity) : [];
      },
      canon: (groups) => byTypeDirection(groups),
    },
    peer: {
      query: `query($id: ID!) { entities(where: { id: { eq: $id } }) { ${RELATIONSHIP_TYPE_NAMES.flatMap((t) =>
        (['OUT', 'IN'] as const).map((d) => `${relationshipField(t, d)}Connection { aggregate { count { nodes } } }`),
      ).join('\n')} } }`,
      variables: { id },
      canon: (data) =>
        byTypeDirection(
          RELATIONSHIP_TYPE_NAMES.flatMap((t) =>
            (['OUT', 'IN'] as const).map((d) => ({
              type: t,
              direction: d === 'OUT' ? 'out' : 'in',
              count: data.entities[0][`${relationshipField(t, d)}Connection`].aggregate.count.nodes as number,
            })),
          ),
        ),
    },
    peerNote: 'counts per type and direction by counting relationships (30 aggregates); the split by neighbour kind would take one aggregate per kind as well',
  };
}

function shortestPathCase(name: string, from: string, to: string): BenchCase {
  // One shortest path is returned; when several exist either may come, so the content compared is ends and length.
  const canonPaths = (paths: { nodes: { id: string }[]; edges: unknown[] }[]): unknown =>
    paths.map((p) => ({ from: p.nodes[0]?.id, to: p.nodes.at(-1)?.id, length: p.edges.length }));
  return {
    name,
    server: {
      query: `query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxLength: 6) { nodes { id name kind } edges { id type source target title } } }`,
      variables: { from, to },
      canon: (data) => canonPaths(data.shortestPath),
    },
    floor: { run: (db) => findShortestPaths(db, { from, to, maxLength: 6, scope: OPEN_SCOPE, all: false }), canon: canonPaths },
    peer: null,
    peerNote: 'no shortest path (only by writing the Cypher yourself in a @cypher field)',
  };
}

function entityPageCase(name: string, after: [string, string] | null, offset: number): BenchCase {
  const pageCanon = (items: { id: string }[], total: number): unknown => ({ ids: ids(items), total });
  return {
    name,
    server: {
      query: `query($after: String) { entities(first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind name degree } } } }`,
      variables: { after: after ? encodeCursor(after) : null },
      canon: (data) => pageCanon(nodes(data.entities), data.entities.totalCount),
    },
    floor: {
      run: (db) => listEntities(db, { kinds: null, filter: {}, order: 'NAME', first: 50, after }),
      canon: (page) => pageCanon(page.items, page.totalCount),
    },
    peer: {
      query: `query($after: String) { entitiesConnection(first: 50, after: $after, sort: [{ name: ASC }, { id: ASC }]) {
        aggregate { count { nodes } } pageInfo { hasNextPage endCursor } edges { cursor node { id kind name degree } } } }`,
      variables: { after: offset > 0 ? peerOffsetCursor(offset) : null },
      canon: (data) => pageCanon(nodes(data.entitiesConnection), data.entitiesConnection.aggregate.count.nodes),
    },
    ...(offset > 0 ? { peerNote: `its cursors are offsets ("arrayconnection:${offset - 1}"), so a deep page skips ${offset} entities` } : {}),
  };
}

function deepRelationshipPageCase(hubId: string, keys: DeepKeys): BenchCase {
  const { relationshipType: type, relationshipDirection: direction, relationshipOffset: offset, relationshipKey: after } = keys;
  const field = relationshipField(type, direction === 'OUTGOING' ? 'OUT' : 'IN');
  return {
    name: `relationships page of hub after ${offset} (${type} ${direction === 'OUTGOING' ? 'out' : 'in'}, 200)`,
    server: {
      query: `query($id: ID!, $after: String) { entity(id: $id) { id relationships(types: [${type}], direction: ${direction}, first: 200, after: $after) {
        totalCount edges { node { id type source target title } } } } }`,
      variables: { id: hubId, after: after ? encodeCursor(after) : null },
      canon: (data) => ids(nodes(data.entity.relationships)),
    },
    floor: {
      run: async (db) =>
        (await findRelationshipPages(db, [hubId], { scope: { ...OPEN_SCOPE, types: [type], direction }, first: 200, after })).get(hubId)?.items ?? [],
      canon: (rows) => ids(rows),
    },
    peer: {
      query: `query($id: ID!, $after: String) { entities(where: { id: { eq: $id } }) { id
        ${field}Connection(first: 200, after: $after, sort: [{ edge: { id: ASC } }]) { totalCount edges { properties { id title } node { id } } } } }`,
      variables: { id: hubId, after: offset > 0 ? peerOffsetCursor(offset) : null },
      canon: (data) => data.entities[0][`${field}Connection`].edges.map((edge: any) => edge.properties.id),
    },
    peerNote: `a relationship connection's offset cursor: it collects all of the hub's ${type} relationships, then skips ${offset}`,
  };
}

/** The export, as a download: the same bytes from the server's route and from its export functions directly. */
function exportCase(): BenchCase {
  const canon = (text: string): unknown => ({ lines: text.split('\n').filter((line) => line.length > 0).length, bytes: Buffer.byteLength(text) });
  return {
    name: 'export 10k entities (csv nodes, programmes and places)',
    server: { get: `/export?${EXPORT_QUERY}`, canon },
    floor: {
      run: async (db) => {
        const prepared = await prepareExport(db, parseExportRequest(new URLSearchParams(EXPORT_QUERY)));
        const chunks: string[] = [];
        await streamExport(db, prepared, async (chunk) => void chunks.push(chunk));
        return chunks.join('');
      },
      canon,
    },
    peer: null,
    peerNote: 'no export; a user would page entitiesConnection and write the file',
  };
}

function datedNeighbourhoodCase(name: string, id: string, depth: number): BenchCase {
  const subgraphCanon = (s: any): unknown => ({ nodes: sortedIds(s.nodes), edges: sortedIds(s.edges), truncated: s.truncated });
  const scope = { ...OPEN_SCOPE, asOf: AS_OF };
  return {
    name,
    server: {
      query: `query($ids: [ID!]!, $depth: Int!, $asOf: Date) { neighbourhood(ids: $ids, depth: $depth, limit: 200, asOf: $asOf) {
        truncated nodes { id name kind } edges { id type source target title } } }`,
      variables: { ids: [id], depth, asOf: AS_OF },
      canon: (data) => subgraphCanon(data.neighbourhood),
    },
    floor: { run: (db) => findNeighbourhood(db, { ids: [id], depth, limit: 200, scope }), canon: subgraphCanon },
    peer: null,
    peerNote: 'what was known at a date (relationships by the first publication of their quotes) cannot be expressed',
  };
}

export function buildApiCases(probes: Probes, keys: DeepKeys): BenchCase[] {
  const cases = [expansionPreviewCase(probes.hubId)];
  if (probes.pathPair) cases.push(shortestPathCase(`shortest path (ordinary, ${probes.pathPair.hops} hops)`, probes.pathPair.from, probes.pathPair.to));
  if (probes.hubPathPair) cases.push(shortestPathCase('shortest path (through the hub)', probes.hubPathPair.from, probes.hubPathPair.to));
  cases.push(entityPageCase('entities page (first, by name, 50)', null, 0));
  if (keys.entityKey) cases.push(entityPageCase(`entities page after ${keys.entityOffset} (by name, 50)`, keys.entityKey, keys.entityOffset));
  if (keys.relationshipKey) cases.push(deepRelationshipPageCase(probes.hubId, keys));
  cases.push(exportCase());
  cases.push(datedNeighbourhoodCase(`neighbourhood asOf ${AS_OF} (ordinary, 2 hops)`, probes.ordinaryId, 2));
  cases.push(datedNeighbourhoodCase(`neighbourhood asOf ${AS_OF} (hub, 1 hop)`, probes.hubId, 1));
  return cases;
}
