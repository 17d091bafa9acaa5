import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { Neo4jError } from 'neo4j-driver';
import { ErrorCode, isDatabaseUnavailable, type ErrorCodeName } from '../errors.js';
import { logger } from '../log.js';
import type { OutageTracker } from './outage.js';

const log = logger('graphql');

/** Thrown by the request's database handle when the request's deadline has passed. */
export class DeadlineExceededError extends Error {
  constructor(timeoutMs: number) {
    super(`The request did not finish within ${timeoutMs} ms.`);
    this.name = 'DeadlineExceededError';
  }
}

/** A refusal with a code and an HTTP status (and optional headers, e.g. Retry-After). */
export function limitError(code: ErrorCodeName, message: string, status: number, headers?: Record<string, string>): GraphQLError {
  // spec: false keeps the status for clients that accept only application/json too (Yoga would answer them 200).
  return new GraphQLError(message, { extensions: { code, http: { status, spec: false, ...(headers ? { headers } : {}) } } });
}

const TIMEOUT_CODES = /^Neo\.ClientError\.Transaction\.(TransactionTimedOut|TransactionTimedOutClientConfiguration)$/;

/** True for Neo4j's "transaction timed out" (our per-statement timeout, or the request's deadline). */
export function isDatabaseTimeout(error: unknown): boolean {
  return error instanceof Neo4jError && TIMEOUT_CODES.test(error.code);
}

const UNAVAILABLE_MESSAGE = 'The graph database is not available right now; try again shortly.';

/**
 * Yoga's `maskError` with the one mapping from driver errors to API errors: unavailability becomes
 * DATABASE_UNAVAILABLE (the outage is logged once by the tracker), timeouts become TIMEOUT, our own GraphQL errors
 * pass through, and everything else is masked as "Unexpected error." (and logged by Yoga) — in every mode
 * without stack traces or the original message, unless `isDev` and not production.
 */
export function createMaskError(outage: OutageTracker, production: boolean) {
  return (error: unknown, message: string, isDev?: boolean): Error => {
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    const path = error instanceof GraphQLError ? error.path : undefined;
    if (isDatabaseUnavailable(original)) {
      outage.failed(original);
      return new GraphQLError(UNAVAILABLE_MESSAGE, { path, extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } });
    }
    if (original instanceof DeadlineExceededError || isDatabaseTimeout(original)) {
      log.warn({ path: path?.join('.') }, 'request deadline or transaction timeout reached');
      return new GraphQLError(original instanceof DeadlineExceededError ? original.message : 'The query took too long and was stopped.', {
        path,
        extensions: { code: ErrorCode.TIMEOUT },
      });
    }
    const masked = yogaMaskError(error, message, production ? false : isDev);
    return withoutOriginalError(masked);
  };
}

/**
 * Yoga attaches the underlying error to some request errors as `extensions.originalError` (for invalid JSON, the
 * parser's message quotes the body back); clients never get it.
 */
function withoutOriginalError(error: Error): Error {
  if (!(error instanceof GraphQLError) || !('originalError' in error.extensions)) return error;
  const { originalError: _hidden, ...extensions } = error.extensions;
  // Yoga answers such errors 400 even to application/json clients because of that extension; keep the status.
  const http = extensions['http'] as { status?: number } | undefined;
  if (http?.status) extensions['http'] = { ...http, spec: false };
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions });
}
