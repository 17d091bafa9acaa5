import type { EntityKindName, RelationshipTypeName } from '../graph/model.js';

export type ProposalStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED';

/** A stored proposal: a record about a document, never a fact (no relationship touches it). */
export interface ProposalRecord {
  id: string;
  key: string;
  documentId: string;
  kind: 'ENTITY' | 'RELATIONSHIP';
  status: ProposalStatus;
  entityKind: EntityKindName | null;
  name: string | null;
  type: RelationshipTypeName | null;
  fromName: string | null;
  fromEntityId: string | null;
  toName: string | null;
  toEntityId: string | null;
  title: string | null;
  confidence: number;
  quote: string;
  start: number;
  end: number;
  context: string;
  contextStart: number;
  validFrom: string | null;
  validTo: string | null;
  duplicateOf: string | null;
  writtenId: string | null;
}

export interface MentionRecord {
  entityId: string;
  quote: string;
  start: number;
  end: number;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A Proposal node's properties as a record; absent optional properties read as null. */
export function toProposalRecord(p: Record<string, unknown>): ProposalRecord {
  return {
    id: String(p.id),
    key: String(p.key),
    documentId: String(p.documentId),
    kind: p.kind === 'RELATIONSHIP' ? 'RELATIONSHIP' : 'ENTITY',
    status: (text(p.status) ?? 'PENDING') as ProposalStatus,
    entityKind: text(p.entityKind) as EntityKindName | null,
    name: text(p.name),
    type: text(p.type) as RelationshipTypeName | null,
    fromName: text(p.fromName),
    fromEntityId: text(p.fromEntityId),
    toName: text(p.toName),
    toEntityId: text(p.toEntityId),
    title: text(p.title),
    confidence: Number(p.confidence),
    quote: String(p.quote),
    start: Number(p.start),
    end: Number(p.end),
    context: text(p.context) ?? String(p.quote),
    contextStart: p.contextStart === undefined || p.contextStart === null ? Number(p.start) : Number(p.contextStart),
    validFrom: text(p.validFrom),
    validTo: text(p.validTo),
    duplicateOf: text(p.duplicateOf),
    writtenId: text(p.writtenId),
  };
}

export function toMentionRecord(m: Record<string, unknown>): MentionRecord {
  return { entityId: String(m.entityId), quote: String(m.quote), start: Number(m.start), end: Number(m.end) };
}

/** What importDocument answers with; the document is loaded by id. */
export interface ImportResultRecord {
  documentId: string;
  unchanged: boolean;
  mentions: MentionRecord[];
  proposals: ProposalRecord[];
}

export interface ProposalEndRecord {
  name: string;
  entityId: string | null;
}
