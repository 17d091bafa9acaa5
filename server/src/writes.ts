import type { ManagedTransaction } from 'neo4j-driver';
import type { GraphQLContext } from './context.js';
import { ErrorCode, apiError } from './errors.js';
import { WriteRejected } from './write/problems.js';
import type { Writer } from './write/types.js';

/** The writer stamp of a request, or UNAUTHENTICATED (and nothing written) when it has no valid token. */
export function requireWriter(context: GraphQLContext): Writer {
  if (!context.writer) {
    throw apiError(
      ErrorCode.UNAUTHENTICATED,
      context.writable
        ? 'Writes need a valid token: send "Authorization: Bearer <token>".'
        : 'This server is read-only: no write token is configured (KGX_WRITE_TOKEN).',
    );
  }
  return { source: `api:${context.writer.name}`, at: new Date().toISOString() };
}

/**
 * Runs a mutation's work in one write transaction as the request's writer. Problems the write path found
 * become API errors: the worst kind sets the code, `extensions.problems` lists each with its place.
 */
export async function runWrite<T>(context: GraphQLContext, work: (tx: ManagedTransaction, writer: Writer) => Promise<T>): Promise<T> {
  const writer = requireWriter(context);
  try {
    return await context.db.write((tx) => work(tx, writer));
  } catch (error) {
    if (error instanceof WriteRejected) throw toApiError(error);
    throw error;
  }
}

/** A rejected write as an API error: BAD_USER_INPUT, NOT_FOUND or CONFLICT, naming each place. */
export function toApiError(error: WriteRejected): ReturnType<typeof apiError> {
  const code = { BAD_INPUT: ErrorCode.BAD_USER_INPUT, NOT_FOUND: ErrorCode.NOT_FOUND, CONFLICT: ErrorCode.CONFLICT }[error.kind];
  const shown = error.problems.slice(0, 50);
  const more = error.problems.length - shown.length;
  const message = shown.map((p) => `${p.place}: ${p.message}`).join('\n') + (more > 0 ? `\n... and ${more} more problem(s)` : '');
  return apiError(code, message, {
    field: error.problems[0]?.place,
    problems: shown.map((p) => ({ place: p.place, message: p.message, code: p.kind })),
  });
}
