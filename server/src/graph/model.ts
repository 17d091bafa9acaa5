/** The server's view of the vocabulary: the shared lists plus the gates that keep raw input out of Cypher. */
import {
  ENTITY_KINDS,
  KIND_LABEL,
  KIND_PROPERTIES,
  RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPE_NAMES,
  type EntityKindName,
  type RelationshipTypeName,
} from '../../../common/vocabulary.js';

export * from '../../../common/vocabulary.js';

/** True when `value` is one of the allowlisted entity kinds. */
export function isEntityKind(value: string): value is EntityKindName {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}

/** True when `value` is one of the allowlisted relationship types. */
export function isRelationshipType(value: string): value is RelationshipTypeName {
  return Object.hasOwn(RELATIONSHIP_TYPES, value);
}

/** The Neo4j label for a kind; throws on anything outside the allowlist so raw input can never reach Cypher. */
export function labelForKind(kind: string): string {
  if (!isEntityKind(kind)) throw new Error(`Unknown entity kind: ${kind}`);
  return KIND_LABEL[kind];
}

/** The relationship type itself, checked against the allowlist before it is spliced into Cypher. */
export function checkedRelationshipType(type: string): RelationshipTypeName {
  if (!isRelationshipType(type)) throw new Error(`Unknown relationship type: ${type}`);
  return type;
}

/** Every relationship type as one pattern: the planner answers `[r:ALL {id: $id}]` with one index seek per type. */
export const ANY_RELATIONSHIP_TYPE = RELATIONSHIP_TYPE_NAMES.join('|');

/** Every kind-specific property name (vision, fullName, when), from the allowlist. */
export const KIND_PROPERTY_NAMES: readonly string[] = [...new Set(Object.values(KIND_PROPERTIES).flat())];
