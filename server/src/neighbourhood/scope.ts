import { checkedRelationshipType, type EntityKindName, type RelationshipTypeName } from '../graph/model.js';

/** Which way relationships are followed from the entities a walk starts at. */
export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** What a walk may see: kinds of entities, types and direction of relationships, and facts as of a date. */
export interface Scope {
  kinds: readonly EntityKindName[] | null;
  types: readonly RelationshipTypeName[] | null;
  direction: Direction;
  /** ISO date (2019, 2019-05 or 2019-05-14): only facts that documents published up to then stated. */
  asOf: string | null;
}

export const OPEN_SCOPE: Scope = { kinds: null, types: null, direction: 'BOTH', asOf: null };

/** `(a)-[r:T1|T2]->(b)` with the scope's types (allowlisted) and direction. */
export function relationshipPattern(scope: Scope, a: string, r: string, b: string): string {
  const types = scope.types && scope.types.length > 0 ? `:${scope.types.map(checkedRelationshipType).join('|')}` : '';
  const left = scope.direction === 'INCOMING' ? '<-' : '-';
  const right = scope.direction === 'OUTGOING' ? '->' : '-';
  return `(${a})${left}[${r}${types}]${right}(${b})`;
}

/**
 * Cypher condition on entity `n` for the scope's kinds and date; `true` when it has none. Facts without a dated
 * source are kept: nothing says they came later.
 */
export function entityCondition(scope: Scope, n: string): string {
  const parts: string[] = [];
  if (scope.kinds && scope.kinds.length > 0) parts.push(`${n}.kind IN $scopeKinds`);
  if (scope.asOf) parts.push(`(${n}.firstSeen IS NULL OR ${n}.firstSeen <= $asOfEnd)`);
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

/** Cypher condition on relationship `r` as of the scope's date: stated by then, and not ended before it. */
export function relationshipCondition(scope: Scope, r: string): string {
  if (!scope.asOf) return 'true';
  return `(${r}.firstSeen IS NULL OR ${r}.firstSeen <= $asOfEnd) AND (${r}.validTo IS NULL OR ${r}.validTo >= $asOf)`;
}

/** The parameters the conditions above use. A date compares as the end of its period: 2019 includes 2019-12-31. */
export function scopeParams(scope: Scope): Record<string, unknown> {
  return {
    scopeKinds: scope.kinds ? [...scope.kinds] : null,
    asOf: scope.asOf,
    asOfEnd: scope.asOf === null ? null : `${scope.asOf}\uffff`,
  };
}

/** True when a relationship group (type, direction seen from the entity, neighbour kind) is inside the scope. */
export function groupInScope(scope: Scope, group: { type: string; direction: 'out' | 'in'; kind: string }): boolean {
  if (scope.types && !scope.types.includes(group.type as RelationshipTypeName)) return false;
  if (scope.kinds && !scope.kinds.includes(group.kind as EntityKindName)) return false;
  if (scope.direction === 'OUTGOING' && group.direction !== 'out') return false;
  if (scope.direction === 'INCOMING' && group.direction !== 'in') return false;
  return true;
}
