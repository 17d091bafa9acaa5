import type { EntityKindName, RelationshipTypeName } from '../graph/model.js';

/** Who writes and when; stamped on everything the write creates or changes. */
export interface Writer {
  /** `seed:<file>`, `api:<token name>`, `bundle:<name>`, `import:<document id>`. */
  source: string;
  /** ISO 8601 instant. */
  at: string;
}

/** A quote as a writer gives it: the document and the exact characters; `start` only to pick one occurrence. */
export interface EvidenceInput {
  documentId: string;
  quote: string;
  start?: number | null;
  /** What the quote supports when narrower than the whole fact (alias, vision, role ...). */
  supports?: string | null;
}

export interface DocumentWrite {
  id: string;
  title: string;
  text: string;
  publishedAt: string | null;
  source: string | null;
  language: string | null;
}

/**
 * An entity to write. `undefined` fields are left as stored (a patch), `null` clears them; with the
 * `replace` policy every field is written as given.
 */
export interface EntityWrite {
  id: string;
  kind: EntityKindName;
  name: string;
  aliases?: string[] | undefined;
  description?: string | null | undefined;
  /** Kind-specific properties (vision, fullName, when): only the keys given are touched. */
  properties?: Readonly<Record<string, string | null>>;
  evidence: EvidenceInput[];
  /** Where the item sits in its input, for problem messages (e.g. `entities[3] (org:x)`). */
  place: string;
}

export interface RelationshipWrite {
  id: string;
  type: RelationshipTypeName;
  source: string;
  target: string;
  title?: string | null | undefined;
  evidence: EvidenceInput[];
  place: string;
}

/** Everything one write brings; written in one transaction, in this order. */
export interface GraphChange {
  documents: DocumentWrite[];
  entities: EntityWrite[];
  relationships: RelationshipWrite[];
}

/** How a writer's word relates to what is stored. */
export interface WritePolicy {
  /** `patch`: undefined fields keep their stored value (API). `replace`: the input is the whole item (seeds). */
  fields: 'patch' | 'replace';
  /** Whether an existing id may change kind or relationship type (seeds may; API writers get CONFLICT). */
  retype: boolean;
  /**
   * Set for seeds: existing items last written by another source are left alone and reported as kept, and
   * items deleted or merged away by someone else are not brought back.
   */
  ownedBy?: string;
  /** `add` unions quotes (API, bundles); `replace-own` also drops this source's quotes no longer given (seeds). */
  evidence: 'add' | 'replace-own';
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What a write did. `kept` names items a seed left alone because someone else changed them since. */
export interface WriteReport {
  documents: Counts;
  entities: Counts;
  relationships: Counts;
  evidence: Counts;
  kept: string[];
  /** Ids as written, in input order (after merge redirects). */
  entityIds: string[];
  relationshipIds: string[];
}

export const emptyCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

/** Reports how far a large write has got: a stage name and rows written of the stage's total. */
export type Progress = (stage: string, done: number, total: number) => void;
