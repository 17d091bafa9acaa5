import type { CypherQuery, Database } from '../db/driver.js';
import { expansionGroups, toEntityRecord, type EntityRecord } from '../graph/entity.js';
import type { EntityKindName } from '../graph/model.js';
import { toRelationshipRecord, type RelationshipRecord } from '../graph/relationship.js';
import { neighbourhoodQuery, overviewQuery, shortestPathQuery } from './queries.js';
import { OPEN_SCOPE, groupInScope, type Scope } from './scope.js';

/** Entities, the relationships among them, what each entity has beyond them, and whether a limit cut the result. */
export interface SubgraphRecord {
  nodes: EntityRecord[];
  edges: RelationshipRecord[];
  hidden: { id: string; count: number }[];
  truncated: boolean;
}

/**
 * For each entity, how many of its relationships inside the scope the subgraph leaves out: its stored counts
 * per type, direction and kind (so no neighbour is read), less the relationships drawn. Dated scopes count
 * what is stored, which may include facts after the date.
 */
export function hiddenCounts(nodes: readonly EntityRecord[], edges: readonly RelationshipRecord[], scope: Scope): { id: string; count: number }[] {
  const shown = new Map<string, number>();
  for (const edge of edges) {
    shown.set(edge.source, (shown.get(edge.source) ?? 0) + 1);
    shown.set(edge.target, (shown.get(edge.target) ?? 0) + 1);
  }
  return nodes.flatMap((node) => {
    const inScope = expansionGroups(node)
      .filter((group) => groupInScope(scope, group))
      .reduce((sum, group) => sum + group.count, 0);
    const count = inScope - (shown.get(node.id) ?? 0);
    return count > 0 ? [{ id: node.id, count }] : [];
  });
}

async function readSubgraph(db: Database, { cypher, params }: CypherQuery, scope: Scope): Promise<SubgraphRecord> {
  const result = await db.read((tx) => tx.run(cypher, params));
  const record = result.records[0];
  if (!record) return { nodes: [], edges: [], hidden: [], truncated: false };
  const nodes = (record.get('nodes') as Record<string, unknown>[]).map(toEntityRecord);
  const edges = (record.get('edges') as Record<string, unknown>[]).map(toRelationshipRecord);
  return { nodes, edges, hidden: hiddenCounts(nodes, edges, scope), truncated: Boolean(record.get('truncated')) };
}

/** The neighbourhood of some entities, inside a scope. */
export function findNeighbourhood(db: Database, args: { ids: readonly string[]; depth: number; limit: number; scope: Scope }): Promise<SubgraphRecord> {
  return readSubgraph(db, neighbourhoodQuery(args), args.scope);
}

/** The best-connected part of the graph. */
export function findOverview(db: Database, args: { kinds: readonly EntityKindName[] | null; limit: number; asOf: string | null }): Promise<SubgraphRecord> {
  return readSubgraph(db, overviewQuery(args), { ...OPEN_SCOPE, kinds: args.kinds });
}

/** Shortest paths between two entities, each as a subgraph with its nodes in path order. */
export async function findShortestPaths(
  db: Database,
  args: { from: string; to: string; maxLength: number; scope: Scope; all: boolean },
): Promise<SubgraphRecord[]> {
  const { cypher, params } = shortestPathQuery(args);
  const result = await db.read((tx) => tx.run(cypher, params));
  return result.records.map((record) => {
    const nodes = (record.get('nodes') as Record<string, unknown>[]).map(toEntityRecord);
    const edges = (record.get('edges') as Record<string, unknown>[]).map(toRelationshipRecord);
    return { nodes, edges, hidden: hiddenCounts(nodes, edges, args.scope), truncated: false };
  });
}
