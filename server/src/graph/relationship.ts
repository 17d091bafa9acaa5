import { toOrigin, type OriginRecord } from './origin.js';

/** A relationship as stored in Neo4j, endpoints given by entity id. */
export interface RelationshipRecord {
  id: string;
  type: string;
  source: string;
  target: string;
  title: string | null;
  origin: OriginRecord;
}

/** Cypher map projection that reads relationship `r` into a RelationshipRecord. */
export const RELATIONSHIP_PROJECTION =
  'r { .id, type: type(r), source: startNode(r).id, target: endNode(r).id, title: r.title, .createdAt, .createdBy, .updatedAt, .updatedBy }';

/** Turns a projected map into a RelationshipRecord. */
export function toRelationshipRecord(value: Record<string, unknown>): RelationshipRecord {
  return {
    id: String(value.id),
    type: String(value.type),
    source: String(value.source),
    target: String(value.target),
    title: typeof value.title === 'string' ? value.title : null,
    origin: toOrigin(value),
  };
}
