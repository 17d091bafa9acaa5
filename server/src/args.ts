import { badInput } from './errors.js';
import { isEntityKind, type EntityKindName } from './graph/model.js';

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
