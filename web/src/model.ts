/**
 * The page's model of the API data. Quotes are the generated types of the fields the page's documents select
 * (web/src/generated, from schema.graphql); the scene's nodes and edges are the page's own shapes, and the
 * compiler checks at each call in api/ that what the documents answer fits them.
 */

import { ENTITY_KINDS, type EntityKindName } from '../../common/vocabulary.js';
import type { EvidenceFieldsFragment } from './generated/graphql.js';

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

/** A quote with its sentence and document: the generated type of the fields the page asks for (EvidenceFields). */
export type Evidence = EvidenceFieldsFragment;

export type DocumentRef = Evidence['document'];

/** A quote's sentence(s), with the quote's offsets inside them. */
export type QuoteContextWire = Evidence['context'];

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
