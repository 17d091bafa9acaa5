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

/**
 * The one boundary where driver errors become API errors: unavailability is reported as
 * DATABASE_UNAVAILABLE, everything else is rethrown unchanged so Yoga masks it as an internal error.
 */
export function mapDriverError(error: unknown): never {
  if (error instanceof GraphQLError) throw error;
  if (isDatabaseUnavailable(error)) {
    // Clients get a short, stable message; operators need the cause, which Yoga only logs for masked errors.
    const { code, message } = error as Neo4jError;
    process.stderr.write(`[db] unavailable: ${code}: ${message}\n`);
    throw apiError(ErrorCode.DATABASE_UNAVAILABLE, 'The graph database is not available right now; try again shortly.');
  }
  throw error;
}
