import { ApiError } from './client.js';

/**
 * An error in words for the analyst: what happened and what to do, no codes or stacks. Messages
 * the server writes for bad input or missing things are already meant for people and pass through.
 */
export function humanError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong in the page. Reload it and try again.';
  switch (error.code) {
    case 'NETWORK_ERROR':
      return 'The server cannot be reached. Check the connection and try again.';
    case 'DATABASE_UNAVAILABLE':
      return 'The graph database is not available right now. Try again in a moment.';
    case 'BAD_USER_INPUT':
    case 'NOT_FOUND':
    case 'CONFLICT':
      return error.message;
    // The write token lives in the Review panel (kept for the tab): say where to fix it, not "try again".
    case 'UNAUTHENTICATED':
      return 'The write token was not accepted: paste a valid one into Review (top right).';
    case 'FORBIDDEN':
      return 'The write token may not do this.';
    case 'RATE_LIMITED':
      return 'The server is busy with many requests from this address. Wait a few seconds and try again.';
    case 'TIMEOUT':
      return 'The server took too long to answer. Try again, or ask for less (a smaller scene, fewer neighbours).';
    case 'QUERY_TOO_COMPLEX':
      return 'This asks the server for too much at once. Ask for less (a smaller scene, fewer neighbours).';
    case 'HTTP_ERROR':
      return `The server answered with an error${error.status ? ` (${error.status})` : ''}. Try again.`;
    default:
      return 'The server could not answer. Try again in a moment.';
  }
}
