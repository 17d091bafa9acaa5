/**
 * Column (c): @neo4j/graphql 7.6.3 on the same Neo4j, with type definitions for the same stored model. Entities
 * are one node type (`Entity`, kind as a property, as stored), each relationship type a pair of fields (out and
 * in) carrying the stored relationship properties; evidence (keyed to its fact by `factId`) and documents are their
 * own node types.
 * Search has no built-in equivalent over our folded `searchNames` list, so it is a @cypher field over the same
 * full-text index with the server's ranking (score, then degree), as a user of the library would write it.
 */
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import { RELATIONSHIP_TYPE_NAMES } from '../../server/src/graph/model.js';
import { ENTITY_NAMES_INDEX } from '../../server/src/db/schema.js';
import { CANDIDATES_PER_RESULT, MAX_SEARCH_CANDIDATES } from '../../server/src/search/queries.js';

/** Field names of a relationship type on Entity: ROLE_AT -> roleAt (outgoing) and roleAtIn (incoming). */
export function relationshipField(type: string, direction: 'OUT' | 'IN'): string {
  const camel = type.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return direction === 'OUT' ? camel : `${camel}In`;
}

export function peerTypeDefs(): string {
  const relationshipFields = RELATIONSHIP_TYPE_NAMES.flatMap((type) =>
    (['OUT', 'IN'] as const).map(
      (direction) => `  ${relationshipField(type, direction)}: [Entity!]! @relationship(type: "${type}", direction: ${direction}, properties: "Rel")`,
    ),
  ).join('\n');
  return `
type Entity @node(labels: ["Entity"]) {
  id: ID!
  kind: String!
  name: String!
  aliases: [String!]
  description: String
  searchNames: [String!]
  degree: Int
  fullName: String
  when: String
  evidence: [Evidence!]! @cypher(statement: "MATCH (e:Evidence {factId: this.id}) RETURN e", columnName: "e")
${relationshipFields}
}

type Rel @relationshipProperties {
  id: ID!
  title: String
}

type Evidence @node(labels: ["Evidence"]) {
  id: ID!
  factId: String!
  documentId: String!
  quote: String!
  start: Int!
  end: Int!
}

type Document @node(labels: ["Document"]) {
  id: ID!
  title: String!
  text: String!
  publishedAt: String
  source: String
  language: String
}

type Query {
  searchEntities(lucene: String!, first: Int!): [Entity!]!
    @cypher(
      statement: "CALL db.index.fulltext.queryNodes('${ENTITY_NAMES_INDEX}', $lucene, {limit: CASE WHEN $first * ${CANDIDATES_PER_RESULT} < ${MAX_SEARCH_CANDIDATES} THEN $first * ${CANDIDATES_PER_RESULT} ELSE ${MAX_SEARCH_CANDIDATES} END}) YIELD node, score RETURN node ORDER BY score DESC, coalesce(node.degree, 0) DESC, node.name ASC, node.id ASC LIMIT $first"
      columnName: "node"
    )
}
`;
}

export async function createPeerSchema(driver: Driver) {
  const neoSchema = new Neo4jGraphQL({ typeDefs: peerTypeDefs(), driver });
  return neoSchema.getSchema();
}
