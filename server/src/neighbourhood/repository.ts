import type { CypherQuery, Database } from '../db/driver.js';
import { toEntityRecord, type EntityRecord } from '../graph/entity.js';
import type { EntityKindName } from '../graph/model.js';
import { toRelationshipRecord, type RelationshipRecord } from '../graph/relationship.js';
import { neighbourhoodQuery, overviewQuery } from './queries.js';

/** Entities, the relationships among them, and whether a limit cut the result. */
export interface SubgraphRecord {
  nodes: EntityRecord[];
  edges: RelationshipRecord[];
  truncated: boolean;
}

async function readSubgraph(db: Database, { cypher, params }: CypherQuery): Promise<SubgraphRecord> {
  const result = await db.read((tx) => tx.run(cypher, params));
  const record = result.records[0];
  if (!record) return { nodes: [], edges: [], truncated: false };
  return {
    nodes: (record.get('nodes') as Record<string, unknown>[]).map(toEntityRecord),
    edges: (record.get('edges') as Record<string, unknown>[]).map(toRelationshipRecord),
    truncated: Boolean(record.get('truncated')),
  };
}

/** The neighbourhood of some entities. */
export function findNeighbourhood(db: Database, args: { ids: readonly string[]; depth: number; limit: number }): Promise<SubgraphRecord> {
  return readSubgraph(db, neighbourhoodQuery(args));
}

/** The best-connected part of the graph. */
export function findOverview(db: Database, args: { kinds: readonly EntityKindName[] | null; limit: number }): Promise<SubgraphRecord> {
  return readSubgraph(db, overviewQuery(args));
}
