import { GraphQLError } from 'graphql';
import { Neo4jError, isRetryableError } from 'neo4j-driver';

/** The error codes clients can rely on in `extensions.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** A limit on what one request may ask for (depth, aliases, directives, tokens, cost, root fields, response size). */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** Too many requests from one client (rate or concurrency); see the Retry-After header. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The request's deadline passed. */
  TIMEOUT: 'TIMEOUT',
  /** The query text is not valid GraphQL, or not valid against the schema. */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** The HTTP request itself is unacceptable (method, media type, missing CSRF header, host). */
  BAD_REQUEST: 'BAD_REQUEST',
} as const;
export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A client-facing error with a stable code; its message is shown as is. */
export function apiError(code: ErrorCodeName, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** Invalid arguments: the message says which argument and why. */
export function badInput(message: string, argument?: string): GraphQLError {
  return apiError(ErrorCode.BAD_USER_INPUT, message, argument ? { argument } : {});
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

// Transient by Neo4j's classification, yet caused by the query itself: retrying later will not help.
const QUERY_CAUSED_TRANSIENT = /^Neo\.TransientError\.(General\.(MemoryPoolOutOfMemoryError|TransactionMemoryLimit|OutOfMemoryError)|Transaction\.(DeadlockDetected|MaximumTransactionLimitReached))/;

/** True for driver errors that mean "the database cannot be reached or used right now". */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  if (QUERY_CAUSED_TRANSIENT.test(error.code)) return false;
  // The pool's acquisition timeout carries no code, only its message: the database is saturated or gone.
  if (error.message.startsWith('Connection acquisition timed out')) return true;
  return UNAVAILABLE_CODES.has(error.code) || isRetryableError(error);
}
