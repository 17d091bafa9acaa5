/**
 * The graph's vocabulary: the only labels and relationship types Cypher may ever name. Shared by the server
 * (server/src/graph/model.ts) and the page (web/src/model.ts); it imports nothing, so both sides can.
 */

export const ENTITY_KINDS = [
  'ORGANISATION',
  'PERSON',
  'PROGRAMME',
  'VENDOR',
  'PRODUCT',
  'EVENT',
  'PLACE',
  'TOPIC',
] as const;
export type EntityKindName = (typeof ENTITY_KINDS)[number];

/** Neo4j label per kind, also the kind's GraphQL object type; every entity also carries the label `Entity`. */
export const KIND_LABEL = {
  ORGANISATION: 'Organisation',
  PERSON: 'Person',
  PROGRAMME: 'Programme',
  VENDOR: 'Vendor',
  PRODUCT: 'Product',
  EVENT: 'Event',
  PLACE: 'Place',
  TOPIC: 'Topic',
} as const satisfies Record<EntityKindName, string>;

/** Id prefix per kind, so ids read like `org:sykehuspartner`. */
export const KIND_ID_PREFIX: Readonly<Record<EntityKindName, string>> = {
  ORGANISATION: 'org',
  PERSON: 'person',
  PROGRAMME: 'programme',
  VENDOR: 'vendor',
  PRODUCT: 'product',
  EVENT: 'event',
  PLACE: 'place',
  TOPIC: 'topic',
};

/** Kind-specific scalar properties an entity of that kind may carry (besides name, aliases, description). */
export const KIND_PROPERTIES: Readonly<Record<EntityKindName, readonly string[]>> = {
  ORGANISATION: ['vision'],
  PERSON: [],
  PROGRAMME: ['fullName'],
  VENDOR: [],
  PRODUCT: [],
  EVENT: ['when'],
  PLACE: [],
  TOPIC: [],
};

/** Relationship types with what they mean; direction is source -> target. */
export const RELATIONSHIP_TYPES = {
  ROLE_AT: 'person holds a role (title) at an organisation',
  PART_OF: 'unit is part of a larger organisation, or a product part of a programme',
  RUNS: 'organisation runs or owns a programme',
  PARTICIPATES_IN: 'organisation or person takes part in a programme, event or network',
  LOCATED_IN: 'entity is located in or belongs to a place or region',
  SUPPLIES: 'vendor supplies a product or service',
  SUPPLIER_TO: 'vendor is a supplier to a programme or organisation',
  ATTENDED: 'person or organisation attended an event',
  HELD_IN: 'event took place in a place',
  DISCUSSED: 'event covered a topic',
  AHEAD_OF: 'source is ahead of target in some area (title names the area)',
  LEARNS_FROM: 'source gains knowledge from target',
  STATED: 'person stated or was quoted on a topic',
  HAS_CHARACTERISTIC: 'entity is characterised by a topic (e.g. large investment programmes)',
  COLLABORATES_WITH: 'organisations cooperate',
} as const;
export type RelationshipTypeName = keyof typeof RELATIONSHIP_TYPES;
export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as RelationshipTypeName[];
