import type { Database } from '../db/driver.js';
import type { CursorKey } from '../graph/cursor.js';
import { toEntityRecord, type EntityRecord } from '../graph/entity.js';
import type { EntityKindName } from '../graph/model.js';
import { toRelationshipRecord, type RelationshipRecord } from '../graph/relationship.js';
import type { Scope } from '../neighbourhood/scope.js';
import { entityCountQuery, entityPageQuery, type EntityListFilter, type EntityOrderName } from './listing.js';
import { documentsOfEntitiesQuery, entitiesByIdsQuery, relationshipPageQuery } from './queries.js';

/** A page of items plus whether more follow and how many there are in all. */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Loads entities by id (merged ids answer with the kept entity), keyed by the id asked for. */
export async function findEntities(db: Database, ids: readonly string[]): Promise<Map<string, EntityRecord>> {
  const { cypher, params } = entitiesByIdsQuery(ids);
  const result = await db.read((tx) => tx.run(cypher, params));
  return new Map(result.records.map((record) => [String(record.get('requested')), toEntityRecord(record.get('entity') as Record<string, unknown>)]));
}

/** One page of relationships for each entity (all with the same scope and page arguments), keyed by entity id. */
export async function findRelationshipPages(
  db: Database,
  ids: readonly string[],
  args: { scope: Scope; first: number; after: readonly [string, string] | null },
): Promise<Map<string, Page<RelationshipRecord>>> {
  const { cypher, params } = relationshipPageQuery({ ids, ...args });
  const result = await db.read((tx) => tx.run(cypher, params));
  return new Map(
    result.records.map((record) => {
      const page = (record.get('page') as Record<string, unknown>[]).map(toRelationshipRecord);
      return [
        String(record.get('id')),
        { items: page.slice(0, args.first), hasNextPage: page.length > args.first, totalCount: Number(record.get('total')) },
      ];
    }),
  );
}

/** One page of the ids of documents quoting each entity, keyed by entity id. */
export async function findDocumentPagesOf(
  db: Database,
  ids: readonly string[],
  args: { first: number; after: string | null },
): Promise<Map<string, Page<string>>> {
  const { cypher, params } = documentsOfEntitiesQuery({ ids, ...args });
  const result = await db.read((tx) => tx.run(cypher, params));
  return new Map(
    result.records.map((record) => {
      const page = (record.get('page') as unknown[]).map(String);
      return [String(record.get('id')), { items: page.slice(0, args.first), hasNextPage: page.length > args.first, totalCount: Number(record.get('total')) }];
    }),
  );
}

/** One page of the entity listing, with its total, read in one transaction so both see the same graph. */
export async function listEntities(
  db: Database,
  args: { kinds: readonly EntityKindName[] | null; filter: EntityListFilter; order: EntityOrderName; first: number; after: CursorKey | null },
): Promise<Page<EntityRecord & { updatedAt: string | null }>> {
  const page = entityPageQuery(args);
  const count = entityCountQuery(args);
  return db.read(async (tx) => {
    const rows = await tx.run(page.cypher, page.params);
    const total = await tx.run(count.cypher, count.params);
    const items = rows.records.map((record) => ({
      ...toEntityRecord(record.get('entity') as Record<string, unknown>),
      updatedAt: (record.get('updatedAt') as string | null) ?? null,
    }));
    return { items: items.slice(0, args.first), hasNextPage: items.length > args.first, totalCount: Number(total.records[0]?.get('total') ?? 0) };
  });
}
