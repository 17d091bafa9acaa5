/**
 * The questions an analyst or a script asks, each three ways: (a) GraphQL against this server, (b) the floor, the
 * same reads through the server's own repository functions (its query builders run by neo4j-driver) in the order
 * its resolvers run them, (c) @neo4j/graphql where it can express the question (null where it cannot).
 * `canon` functions reduce each answer to the content all sides must agree on; they are compared once per case.
 */
import type { Database } from '../../server/src/db/driver.js';
import { findEntities, findRelationshipPages } from '../../server/src/entity/repository.js';
import { RELATIONSHIP_TYPE_NAMES } from '../../server/src/graph/model.js';
import { findNeighbourhood, findOverview } from '../../server/src/neighbourhood/repository.js';
import { OPEN_SCOPE } from '../../server/src/neighbourhood/scope.js';
import { findDocuments, findEvidenceOf, readStats } from '../../server/src/provenance/repository.js';
import { indexQuery } from '../../server/src/search/lucene.js';
import { searchEntities } from '../../server/src/search/repository.js';
import type { FloorHandler } from './endpoints.js';
import { relationshipField } from './peer.js';
import type { Probes } from './probes.js';

type Canon = (data: any) => unknown;

export interface BenchCase {
  name: string;
  /** A GraphQL operation, or (`get`) a plain GET of a path on the server, whose canon gets the body text. */
  server: { query: string; variables: Record<string, unknown>; canon: Canon } | { get: string; canon: Canon };
  floor: { run: FloorHandler; canon: Canon };
  peer: { query: string; variables: Record<string, unknown>; canon: Canon | null } | null;
  /** Why the peer column is empty, when it is. */
  peerNote?: string;
}

/** Questions the issue lists that this harness does not time (all are timed since the read-API cases landed). */
export const NOT_YET_IN_SCHEMA: string[] = [];

const ids = (items: { id: string }[]): string[] => items.map((item) => item.id);
/** The nodes of a connection. */
const nodes = (connection: { edges: { node: any }[] }): any[] => connection.edges.map((edge) => edge.node);

/** One page of an entity's relationships through the repository, as the resolver reads it. */
async function relationshipPage(db: Database, id: string, first: number) {
  return (await findRelationshipPages(db, [id], { scope: OPEN_SCOPE, first, after: null })).get(id)?.items ?? [];
}
const sortedIds = (items: { id: string }[]): string[] => ids(items).sort();

/** All relationships of one entity in the peer's shape: every type, both directions, as connection fields. */
function peerRelationshipSelection(first: number): string {
  return RELATIONSHIP_TYPE_NAMES.flatMap((type) =>
    (['OUT', 'IN'] as const).map(
      (direction) =>
        `${relationshipField(type, direction)}Connection(first: ${first}, sort: [{ edge: { id: ASC } }]) { totalCount edges { properties { id title } node { id } } }`,
    ),
  ).join('\n');
}

/** The peer's per-field relationship lists merged into the server's order (type, then id), cut to `first`. */
function peerRelationships(entity: any, first: number): { ids: string[]; degree: number } {
  const all: { type: string; id: string }[] = [];
  let degree = 0;
  for (const type of RELATIONSHIP_TYPE_NAMES) {
    for (const direction of ['OUT', 'IN'] as const) {
      const connection = entity[`${relationshipField(type, direction)}Connection`];
      degree += connection.totalCount as number;
      for (const edge of connection.edges) all.push({ type, id: edge.properties.id });
    }
  }
  all.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ids: all.slice(0, first).map((r) => r.id), degree };
}

function searchCase(name: string, query: string): BenchCase {
  return {
    name,
    server: {
      query: 'query($q: String!) { search(query: $q, first: 10) { score entity { id name kind } } }',
      variables: { q: query },
      canon: (data) => data.search.map((hit: any) => hit.entity.id),
    },
    floor: {
      run: async (db) => (await searchEntities(db, { query, kinds: null, first: 10 })).map((hit) => ({ score: hit.score, entity: hit.entity })),
      canon: (rows) => rows.map((row: any) => row.entity.id),
    },
    peer: {
      query: 'query($lucene: String!) { searchEntities(lucene: $lucene, first: 10) { id name kind } }',
      variables: { lucene: indexQuery(query, null) },
      canon: (data) => ids(data.searchEntities),
    },
  };
}

/** Entity detail as the page's side panel asks for it: fields, degree, quotes with their documents, 50 relationships. */
function entityCase(name: string, id: string): BenchCase {
  return {
    name,
    server: {
      query: `query($id: ID!) { entity(id: $id) { id kind name aliases description degree
        evidence { id quote start end document { id title publishedAt } }
        relationships(first: 50) { edges { node { id type source target title } } } } }`,
      variables: { id },
      canon: (data) => ({ id: data.entity.id, degree: data.entity.degree, evidence: sortedIds(data.entity.evidence), relationships: ids(nodes(data.entity.relationships)) }),
    },
    floor: {
      run: async (db) => {
        const entity = (await findEntities(db, [id])).get(id);
        if (!entity) return null;
        const [evidenceOf, relationships] = await Promise.all([findEvidenceOf(db, [id]), relationshipPage(db, id, 50)]);
        const evidence = evidenceOf.get(id) ?? [];
        const documents = await findDocuments(db, [...new Set(evidence.map((ev) => ev.documentId))]);
        return {
          ...entity,
          evidence: evidence.map((ev) => ({ ...ev, document: documents.get(ev.documentId) })),
          relationships,
        };
      },
      canon: (e) => ({ id: e.id, degree: e.degree, evidence: sortedIds(e.evidence), relationships: ids(e.relationships) }),
    },
    peer: {
      query: `query($id: ID!) { entities(where: { id: { eq: $id } }) { id kind name aliases description degree
        evidence { id quote start end }
        ${peerRelationshipSelection(50)} } }`,
      variables: { id },
      canon: (data) => {
        const e = data.entities[0];
        // The stored degree, as a user of the library would read it; the per-field counts must agree with it.
        const rels = peerRelationships(e, 50);
        return { id: e.id, degree: e.degree === rels.degree ? e.degree : `stored ${e.degree}, counted ${rels.degree}`, evidence: sortedIds(e.evidence), relationships: rels.ids };
      },
    },
  };
}

/** A page of a hub's relationships with their quotes (what a script pages through). */
function hubRelationshipsCase(id: string): BenchCase {
  return {
    name: 'relationships page of hub (200, with quotes)',
    server: {
      query: 'query($id: ID!) { entity(id: $id) { id relationships(first: 200) { edges { node { id type source target title evidence { quote start end } } } } } }',
      variables: { id },
      canon: (data) => ids(nodes(data.entity.relationships)),
    },
    floor: {
      run: async (db) => {
        const relationships = await relationshipPage(db, id, 200);
        const evidence = await findEvidenceOf(db, relationships.map((r) => r.id));
        return relationships.map((r) => ({ ...r, evidence: evidence.get(r.id) ?? [] }));
      },
      canon: (rows) => ids(rows),
    },
    peer: {
      query: `query($id: ID!) { entities(where: { id: { eq: $id } }) { id ${peerRelationshipSelection(200)} } }`,
      variables: { id },
      canon: (data) => peerRelationships(data.entities[0], 200).ids,
    },
    peerNote: 'quotes of relationships (Evidence nodes keyed by the relationship id) are not reachable from an edge in @neo4j/graphql; ids only',
  };
}

function neighbourhoodCase(name: string, id: string, depth: number, peerExpressible: boolean): BenchCase {
  const subgraphCanon = (s: any): unknown => ({ nodes: sortedIds(s.nodes), edges: sortedIds(s.edges), truncated: s.truncated });
  return {
    name,
    server: {
      query: `query($ids: [ID!]!, $depth: Int!) { neighbourhood(ids: $ids, depth: $depth, limit: 200) {
        truncated nodes { id name kind } edges { id type source target title } } }`,
      variables: { ids: [id], depth },
      canon: (data) => subgraphCanon(data.neighbourhood),
    },
    floor: { run: (db) => findNeighbourhood(db, { ids: [id], depth, limit: 200, scope: OPEN_SCOPE }), canon: subgraphCanon },
    // One hop is each relationship field listed once; the nodes must match when nothing is cut.
    peer: peerExpressible
      ? {
          query: `query($id: ID!) { entities(where: { id: { eq: $id } }) { id name kind
            ${RELATIONSHIP_TYPE_NAMES.flatMap((t) => (['OUT', 'IN'] as const).map((d) => `${relationshipField(t, d)}(limit: 200) { id name kind }`)).join('\n')} } }`,
          variables: { id },
          canon: null,
        }
      : null,
    ...(peerExpressible
      ? { peerNote: 'one hop as 30 relationship fields of 200 each; no breadth-first limit, no edges among neighbours, so not compared' }
      : { peerNote: 'a bounded breadth-first expansion (nearest first, one limit over all levels) cannot be expressed' }),
  };
}

export function buildCases(probes: Probes): BenchCase[] {
  const prefix = probes.ordinaryName.slice(0, 3);
  return [
    searchCase(`search prefix "${prefix}"`, prefix),
    searchCase('search full name', probes.ordinaryName),
    entityCase('entity detail (ordinary)', probes.ordinaryId),
    entityCase('entity detail (hub)', probes.hubId),
    hubRelationshipsCase(probes.hubId),
    neighbourhoodCase('expand 1 hop (ordinary)', probes.ordinaryId, 1, true),
    neighbourhoodCase('expand 2 hops (ordinary)', probes.ordinaryId, 2, false),
    neighbourhoodCase('expand 1 hop (hub)', probes.hubId, 1, true),
    neighbourhoodCase('expand 2 hops (hub)', probes.hubId, 2, false),
    {
      name: 'overview (graph, 300)',
      server: {
        query: 'query { graph(limit: 300) { truncated nodes { id name kind } edges { id type source target title } } }',
        variables: {},
        canon: (data) => ({ nodes: sortedIds(data.graph.nodes), edges: sortedIds(data.graph.edges) }),
      },
      floor: {
        run: (db) => findOverview(db, { kinds: null, limit: 300, asOf: null }),
        canon: (s) => ({ nodes: sortedIds(s.nodes), edges: sortedIds(s.edges) }),
      },
      peer: null,
      peerNote: 'ordering entities by their number of relationships cannot be expressed',
    },
    {
      name: 'stats',
      server: {
        query: 'query { stats { entities relationships documents evidence } }',
        variables: {},
        canon: (data) => ({ entities: data.stats.entities, documents: data.stats.documents, evidence: data.stats.evidence }),
      },
      floor: {
        run: (db: Database) => readStats(db),
        canon: (s) => ({ entities: s.entities, documents: s.documents, evidence: s.evidence }),
      },
      peer: {
        query: `query { entitiesConnection { aggregate { count { nodes } } } documentsConnection { aggregate { count { nodes } } }
          evidencesConnection { aggregate { count { nodes } } } }`,
        variables: {},
        canon: (data) => ({
          entities: data.entitiesConnection.aggregate.count.nodes,
          documents: data.documentsConnection.aggregate.count.nodes,
          evidence: data.evidencesConnection.aggregate.count.nodes,
        }),
      },
      peerNote: 'no count of all relationships (only per relationship field of a node); entities, documents and quotes compared',
    },
  ];
}
