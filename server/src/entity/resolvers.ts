import { cursorArg, intInRange, kindsArg, scopeArg, typesArg } from '../args.js';
import { badInput } from '../errors.js';
import type { GraphQLContext } from '../context.js';
import type { EntityResolvers, QueryResolvers, Resolvers } from '../generated/resolvers-types.js';
import { encodeCursor } from '../graph/cursor.js';
import { expansionGroups, type EntityRecord } from '../graph/entity.js';
import { KIND_LABEL } from '../graph/model.js';
import type { DocumentRecord } from '../graph/provenance.js';
import { groupInScope } from '../neighbourhood/scope.js';
import { cursorKeyOf, cursorParts, type EntityOrderName } from './listing.js';
import { entityMutations } from './mutations.js';
import { MAX_RELATIONSHIPS_PER_ENTITY } from './queries.js';
import { listEntities } from './repository.js';

/** Largest page of the entity listing. */
export const MAX_ENTITY_PAGE = 1_000;

/** Connection shape from a page and a cursor function. */
function connection<T>(page: { items: T[]; hasNextPage: boolean; totalCount: number }, cursorOf: (item: T) => string) {
  const edges = page.items.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount };
}

const entityQueries: Pick<QueryResolvers, 'entity' | 'entities' | 'expansionPreview'> = {
  entity: (_parent, { id }, { loaders }) => loaders.entity.load(id),
  entities: async (_parent, args, { db }) => {
    const order = (args.orderBy ?? 'NAME') as EntityOrderName;
    const first = intInRange('first', args.first, 50, 1, MAX_ENTITY_PAGE);
    const filter = args.filter ?? {};
    if (filter.nameContains !== undefined && filter.nameContains !== null && filter.nameContains.trim().length < 3) {
      throw badInput('filter.nameContains needs at least 3 characters', 'filter.nameContains');
    }
    const page = await listEntities(db, {
      kinds: kindsArg(args.kinds),
      filter: { ...filter, hasRelationship: filter.hasRelationship ? typesArg([filter.hasRelationship])![0] : null },
      order,
      first,
      after: cursorArg(args.after, cursorParts(order)),
    });
    return connection(page, (entity) => encodeCursor(cursorKeyOf(order, entity)));
  },
  expansionPreview: async (_parent, { id }, { loaders }) => {
    const entity = await loaders.entity.load(id);
    if (!entity) return [];
    return expansionGroups(entity)
      .map((group) => ({ ...group, direction: group.direction === 'out' ? ('OUTGOING' as const) : ('INCOMING' as const) }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.kind.localeCompare(b.kind)) as never;
  },
};

/** Fields every entity type shares; nested lists are loaded in batches. */
const sharedEntityFields = {
  evidence: (entity: EntityRecord, _args: unknown, { loaders }: GraphQLContext) => loaders.evidenceOf.load(entity.id),
  relationships: async (
    entity: EntityRecord,
    args: { types?: readonly string[] | null; direction?: string | null; first?: number | null; after?: string | null; asOf?: string | null },
    { loaders }: GraphQLContext,
  ) => {
    const first = intInRange('first', args.first, 50, 1, MAX_RELATIONSHIPS_PER_ENTITY);
    const after = cursorArg(args.after, 2) as readonly [string, string] | null;
    const scope = scopeArg({ types: args.types, direction: args.direction, asOf: args.asOf });
    const page = await loaders.relationshipPage.load({ id: entity.id, args: { scope, first, after } });
    return connection(page, (relationship) => encodeCursor([relationship.type, relationship.id]));
  },
  degree: (entity: EntityRecord, args: { types?: readonly string[] | null; direction?: string | null }) => {
    const scope = scopeArg({ types: args.types, direction: args.direction });
    if (!scope.types && scope.direction === 'BOTH') return entity.degree;
    return expansionGroups(entity)
      .filter((group) => groupInScope(scope, group))
      .reduce((sum, group) => sum + group.count, 0);
  },
  documents: async (entity: EntityRecord, args: { first?: number | null; after?: string | null }, { loaders }: GraphQLContext) => {
    const first = intInRange('first', args.first, 20, 1, 200);
    const after = cursorArg(args.after, 1);
    const page = await loaders.documentPage.load({ id: entity.id, args: { first, after: (after?.[0] as string | undefined) ?? null } });
    const found: DocumentRecord[] = [];
    for (const document of await loaders.document.loadMany(page.items)) {
      if (document instanceof Error) throw document;
      if (document) found.push(document);
    }
    return connection({ ...page, items: found }, (document) => encodeCursor([document.id]));
  },
};

const entityInterface: EntityResolvers = {
  // Each kind's GraphQL object type is named like its Neo4j label.
  __resolveType: (entity) => KIND_LABEL[entity.kind],
};

/** Resolvers of the entity domain. */
export const entityResolvers: Resolvers = {
  Query: entityQueries,
  Mutation: entityMutations,
  Entity: entityInterface,
  Organisation: sharedEntityFields,
  Person: sharedEntityFields,
  Programme: sharedEntityFields,
  Vendor: sharedEntityFields,
  Product: sharedEntityFields,
  Event: sharedEntityFields,
  Place: sharedEntityFields,
  Topic: sharedEntityFields,
};
