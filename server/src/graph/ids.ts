import { createHash } from 'node:crypto';
import { foldForSearch } from './fold.js';
import { KIND_ID_PREFIX, type EntityKindName } from './model.js';

/** Entity ids: `<prefix>:<slug>`, lower-case so they stay stable and readable in URLs and YAML. */
export const ENTITY_ID_PATTERN = /^[a-z]+:[a-z0-9][a-z0-9._-]*$/;
/** Document ids keep the file stem, which may hold underscores (e.g. `doc:000_b40fe58a30269fa6`). */
export const DOCUMENT_ID_PATTERN = /^doc:[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Relationship ids may embed entity ids and the upper-case type, so `:` and capitals are allowed. */
export const RELATIONSHIP_ID_PATTERN = /^rel:[A-Za-z0-9][A-Za-z0-9._:-]*$/;
/** Longest id accepted anywhere. */
export const MAX_ID_LENGTH = 200;

/** Lower-case ASCII slug of a name: `Gro Jære` -> `gro-jaere`. */
export function slugify(name: string): string {
  const slug = foldForSearch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/g, '');
  return slug.length > 0 ? slug : 'x';
}

/** The id an entity gets when its writer gives none, made as the seed ids are: `person:gro-jaere`. */
export function entityIdFor(kind: EntityKindName, name: string): string {
  return `${KIND_ID_PREFIX[kind]}:${slugify(name)}`;
}

/** The id a relationship gets when its writer gives none; readable and unique per (source, type, target). */
export function defaultRelationshipId(relationship: { source: string; type: string; target: string }): string {
  return `rel:${relationship.source}-${relationship.type}-${relationship.target}`;
}

/** A document id from its title when the writer gives none: `doc:` plus a slug and a short content hash. */
export function documentIdFor(title: string, text: string): string {
  return `doc:${slugify(title).slice(0, 60)}-${contentHash(text).slice(0, 10)}`;
}

/** The content hash that makes re-importing the same text a no-op. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex');
}

/**
 * Evidence ids are derived from what the quote supports and where it sits, so writing the same quote twice
 * finds the first one instead of adding a copy.
 */
export function evidenceIdFor(factId: string, documentId: string, start: number, end: number, supports: string | null): string {
  const key = `${factId}\u0000${documentId}\u0000${start}\u0000${end}\u0000${supports ?? ''}`;
  return `ev:${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}
