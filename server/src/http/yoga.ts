import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { createYoga, maskError as defaultMaskError, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { isDatabaseUnavailable, mapDriverError } from '../errors.js';
import { createLoaders, type GraphQLContext } from '../context.js';
import type { WriteToken } from '../config.js';
import type { Database } from '../db/driver.js';
import { createTokenCheck } from './auth.js';
import { useRequestSizeLimit } from './limits.js';
import { buildSchema } from './schema.js';

/** Limits on what one GraphQL request may ask for. */
export const QUERY_LIMITS = { maxDepth: 25, maxAliases: 20, maxDirectives: 20, maxTokens: 2_000, maxCost: 20_000 } as const;

/** Options of the GraphQL endpoint. */
export interface YogaOptions {
  db: Database;
  maxBodyBytes: number;
  /** Serve GraphiQL on GET /graphql for people exploring the API (its assets come from a CDN). */
  graphiql?: boolean;
  /** Tokens that may write; none means a read-only server. */
  writeTokens?: readonly WriteToken[];
}

/** The GraphQL endpoint plus /healthz and /readyz, usable in process through `yoga.fetch`. */
export function createGraphQLServer(options: YogaOptions): YogaServerInstance<Record<string, unknown>, GraphQLContext> {
  const schema = buildSchema();
  const writable = (options.writeTokens ?? []).length > 0;
  const writerOf = createTokenCheck(options.writeTokens ?? []);
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: options.graphiql ?? false,
    logging: 'warn',
    // Unexpected errors reach clients as "Unexpected error."; only GraphQLErrors (ours, with codes) pass through.
    maskedErrors: {
      // The GraphQL boundary: a driver error saying the database is gone becomes DATABASE_UNAVAILABLE here.
      maskError: (error, message, isDev) => {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (isDatabaseUnavailable(original)) {
          try {
            mapDriverError(original);
          } catch (mapped) {
            return mapped as GraphQLError;
          }
        }
        return defaultMaskError(error, message, isDev);
      },
    },
    context: ({ request }) => ({
      db: options.db,
      loaders: createLoaders(options.db),
      writer: writerOf(request.headers.get('authorization')),
      writable,
    }),
    plugins: [
      useRequestSizeLimit(options.maxBodyBytes),
      useReadinessCheck({
        endpoint: '/readyz',
        check: async ({ fetchAPI }) => {
          try {
            await options.db.ping();
            return true;
          } catch (error) {
            const reason = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'unreachable';
            return new fetchAPI.Response(JSON.stringify({ status: 'unavailable', reason: `Neo4j: ${reason}` }), {
              status: 503,
              headers: { 'content-type': 'application/json' },
            });
          }
        },
      }),
      EnvelopArmorPlugin({
        // Introspection counts too (it can nest `ofType` without bound); the standard introspection query (depth 21) fits.
        maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: false },
        maxAliases: { n: QUERY_LIMITS.maxAliases },
        maxDirectives: { n: QUERY_LIMITS.maxDirectives },
        maxTokens: { n: QUERY_LIMITS.maxTokens },
        costLimit: { maxCost: QUERY_LIMITS.maxCost },
        // Scripts writing queries benefit from "Did you mean ...?"; the schema is public anyway.
        blockFieldSuggestion: { enabled: false },
      }),
    ],
  });
}
