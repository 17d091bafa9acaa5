/**
 * The shapes of the API data the page uses: a hand-written subset of schema.graphql,
 * matching exactly the fields the queries in api.ts select (nothing more is ever present).
 */

import { ENTITY_KINDS, type EntityKindName } from '../../common/vocabulary.js';

/** Every entity kind, in legend order: the server's allowlist, shared so the two cannot drift apart. */
export { ENTITY_KINDS };

export type EntityKind = EntityKindName;

/** True when `value` is one of the kinds the page knows how to draw. */
export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ENTITY_KINDS as readonly string[]).includes(value);
}

/** An entity as drawn in the graph. */
export interface EntitySummary {
  id: string;
  kind: EntityKind;
  name: string;
  degree?: number;
}

/** A relationship as drawn in the graph. */
export interface RelationshipSummary {
  id: string;
  type: string;
  source: string;
  target: string;
  title: string | null;
}

export interface Subgraph {
  nodes: EntitySummary[];
  edges: RelationshipSummary[];
  /** Per node, how many relationships the subgraph left out; absent from older answers and fakes. */
  hidden?: HiddenCount[];
  truncated: boolean;
}

export interface HiddenCount {
  id: string;
  count: number;
}

export interface DocumentRef {
  id: string;
  title: string;
  publishedAt: string | null;
  source: string | null;
}

/** A quote's sentence(s), with the quote's offsets inside them. */
export interface QuoteContextWire {
  text: string;
  documentStart: number;
  quoteStart: number;
  quoteEnd: number;
}

export interface Evidence {
  id: string;
  quote: string;
  start: number;
  end: number;
  supports: string | null;
  context: QuoteContextWire;
  document: DocumentRef;
}

export interface RelationshipDetails extends RelationshipSummary {
  evidence: Evidence[];
}

/** Everything the side panel shows about one entity. */
export interface EntityDetails {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description: string | null;
  degree: number;
  vision?: string | null;
  fullName?: string | null;
  when?: string | null;
  evidence: Evidence[];
  relationships: RelationshipDetails[];
}

export interface SearchHit {
  score: number;
  entity: EntitySummary;
}
