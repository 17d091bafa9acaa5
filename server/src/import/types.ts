import type { EntityKindName, RelationshipTypeName } from '../graph/model.js';

export type EntityKind = EntityKindName;
export type RelationshipType = RelationshipTypeName;

/** One known entity as the gazetteer sees it: the graph's entities, read by the caller. */
export interface GazetteerEntry {
  entityId: string;
  kind: EntityKind;
  name: string;
  aliases: readonly string[];
}

/** A known entity found in the text. Offsets are UTF-16, end exclusive: `text.slice(start, end) === quote`. */
export interface Mention {
  entityId: string;
  quote: string;
  start: number;
  end: number;
}

/** One end of a proposed relationship: the name as written, and the known entity it resolves to, if any. */
export interface ProposalEnd {
  name: string;
  entityId: string | null;
}

/**
 * A fact the text suggests, waiting for review. `key` depends only on what is proposed (kind, names, type,
 * title), never on offsets, so re-importing the same or a changed text proposes the same key again.
 */
export interface Proposal {
  key: string;
  kind: 'ENTITY' | 'RELATIONSHIP';
  entityKind?: EntityKind;
  name?: string;
  type?: RelationshipType;
  from?: ProposalEnd;
  to?: ProposalEnd;
  title?: string;
  confidence: number;
  quote: string;
  start: number;
  end: number;
  /** Document's publication date: every fact is dated by the document that states it. */
  publishedAt?: string;
  validFrom?: string;
  validTo?: string;
  /** Id of an existing entity this new name may be another spelling or short form of. */
  duplicateOf?: string;
}

/** A quoted statement ("- ..., sier hun") and whom it belongs to; `speaker` is null when that is not certain. */
export interface Statement {
  quote: string;
  start: number;
  end: number;
  speaker: ProposalEnd | null;
}

export interface ExtractionResult {
  mentions: Mention[];
  proposals: Proposal[];
  statements: Statement[];
}
