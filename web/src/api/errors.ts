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
      return error.message;
    case 'HTTP_ERROR':
      return `The server answered with an error${error.status ? ` (${error.status})` : ''}. Try again.`;
    default:
      return 'The server could not answer. Try again in a moment.';
  }
}
