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
}

/** Cypher map projection that reads an entity node `n` into an EntityRecord. */
export const ENTITY_PROJECTION =
  'n { .id, .kind, .name, aliases: coalesce(n.aliases, []), description: n.description, degree: coalesce(n.degree, 0), .vision, .fullName, .when, .createdAt, .createdBy, .updatedAt, .updatedBy }';

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
  };
}
