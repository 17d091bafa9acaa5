import { badInput } from './errors.js';
import { decodeCursor, type CursorKey } from './graph/cursor.js';
import { isEntityKind, isRelationshipType, type EntityKindName, type RelationshipTypeName } from './graph/model.js';
import type { Scope } from './neighbourhood/scope.js';

/** Checks an integer argument's range, with an error naming the argument. */
export function intInRange(name: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const actual = value ?? fallback;
  if (!Number.isInteger(actual) || actual < min || actual > max) {
    throw badInput(`${name} must be an integer from ${min} to ${max} (got ${actual})`, name);
  }
  return actual;
}

/** Validates an optional list of kinds; an empty list is refused because it could only ever match nothing. */
export function kindsArg(kinds: readonly string[] | null | undefined): EntityKindName[] | null {
  if (kinds === null || kinds === undefined) return null;
  if (kinds.length === 0) throw badInput('kinds must not be empty; omit it to search all kinds', 'kinds');
  // GraphQL has already checked the enum; this keeps the allowlist the single gate before Cypher.
  return kinds.map((kind) => {
    if (!isEntityKind(kind)) throw badInput(`unknown kind ${kind}`, 'kinds');
    return kind;
  });
}

/** Checks a list of ids: not empty, not too long, no empty strings; duplicates are dropped. */
export function idsArg(name: string, ids: readonly string[], max: number): string[] {
  if (ids.length === 0) throw badInput(`${name} must hold at least one id`, name);
  if (ids.length > max) throw badInput(`${name} may hold at most ${max} ids (got ${ids.length})`, name);
  if (ids.some((id) => id.length === 0 || id.length > 200)) throw badInput(`${name} holds an empty or over-long id`, name);
  return [...new Set(ids)];
}

/** Validates an optional list of relationship types (the enum already holds only allowlisted names). */
export function typesArg(types: readonly string[] | null | undefined): RelationshipTypeName[] | null {
  if (types === null || types === undefined) return null;
  if (types.length === 0) throw badInput('relationshipTypes must not be empty; omit it for all types', 'relationshipTypes');
  return types.map((type) => {
    if (!isRelationshipType(type)) throw badInput(`unknown relationship type ${type}`, 'relationshipTypes');
    return type;
  });
}

/** The scope of a walk or listing from its GraphQL arguments. */
export function scopeArg(args: {
  kinds?: readonly string[] | null;
  relationshipTypes?: readonly string[] | null;
  types?: readonly string[] | null;
  direction?: string | null;
  asOf?: string | null;
}): Scope {
  const direction = args.direction ?? 'BOTH';
  if (direction !== 'OUTGOING' && direction !== 'INCOMING' && direction !== 'BOTH') throw badInput(`unknown direction ${direction}`, 'direction');
  return {
    kinds: kindsArg(args.kinds),
    types: typesArg(args.relationshipTypes ?? args.types),
    direction,
    asOf: args.asOf ?? null,
  };
}

/** Decodes an `after` cursor of `parts` parts, or BAD_USER_INPUT. */
export function cursorArg(after: string | null | undefined, parts: number): CursorKey | null {
  if (after === null || after === undefined) return null;
  const key = decodeCursor(after, parts);
  if (!key) throw badInput('after is not a cursor from this list; pass the endCursor of the page before', 'after');
  return key;
}
