import type { EntityKindName } from './model.js';
import { toOrigin, type OriginRecord } from './origin.js';

/** An entity as stored in Neo4j, before GraphQL resolves its nested fields. */
export interface EntityRecord {
  id: string;
  kind: EntityKindName;
  name: string;
  aliases: string[];
  description: string | null;
  /** Relationships touching it, kept current by the write path (so the overview can use an index). */
  degree: number;
  vision?: string | null;
  fullName?: string | null;
  when?: string | null;
  origin: OriginRecord;
  firstSeen: string | null;
  lastSeen: string | null;
  /** Neighbour counts per `TYPE|out-or-in|KIND|count`, kept by the write path. */
  expansion: string[];
}

/** Cypher map projection that reads an entity node `n` into an EntityRecord. */
export const ENTITY_PROJECTION =
  'n { .id, .kind, .name, aliases: coalesce(n.aliases, []), description: n.description, degree: coalesce(n.degree, 0), .vision, .fullName, .when, .createdAt, .createdBy, .updatedAt, .updatedBy, .firstSeen, .lastSeen, expansion: coalesce(n.expansion, []) }';

/** Turns a projected map into an EntityRecord, with defaults for missing optionals. */
export function toEntityRecord(value: Record<string, unknown>): EntityRecord {
  return {
    id: String(value.id),
    kind: value.kind as EntityKindName,
    name: String(value.name),
    aliases: Array.isArray(value.aliases) ? value.aliases.map(String) : [],
    description: typeof value.description === 'string' ? value.description : null,
    degree: Number(value.degree ?? 0),
    vision: typeof value.vision === 'string' ? value.vision : null,
    fullName: typeof value.fullName === 'string' ? value.fullName : null,
    when: typeof value.when === 'string' ? value.when : null,
    origin: toOrigin(value),
    firstSeen: typeof value.firstSeen === 'string' ? value.firstSeen : null,
    lastSeen: typeof value.lastSeen === 'string' ? value.lastSeen : null,
    expansion: Array.isArray(value.expansion) ? value.expansion.map(String) : [],
  };
}

/** One group of an entity's neighbours: by relationship type, direction seen from the entity, and kind. */
export interface ExpansionGroupRecord {
  type: string;
  direction: 'out' | 'in';
  kind: string;
  count: number;
}

/** Parses the stored `TYPE|out|KIND|count` strings. */
export function expansionGroups(entity: Pick<EntityRecord, 'expansion'>): ExpansionGroupRecord[] {
  return entity.expansion.flatMap((item) => {
    const [type, direction, kind, count] = item.split('|');
    if (!type || (direction !== 'out' && direction !== 'in') || !kind || count === undefined) return [];
    return [{ type, direction, kind, count: Number(count) }];
  });
}
