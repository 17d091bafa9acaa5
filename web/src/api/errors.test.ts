import { describe, expect, it } from 'vitest';
import { ApiError } from './client.js';
import { humanError } from './errors.js';

describe('humanError', () => {
  it('says what happened in words, without codes', () => {
    const db = humanError(new ApiError('The graph database is down', 'DATABASE_UNAVAILABLE', 503));
    expect(db).toMatch(/database is not available/);
    expect(db).not.toMatch(/[A-Z]{2,}_[A-Z]/);
    expect(humanError(new ApiError('x', 'NETWORK_ERROR'))).toMatch(/cannot be reached/);
    expect(humanError(new ApiError('Search is too long.', 'BAD_USER_INPUT', 400))).toBe('Search is too long.');
    expect(humanError(new ApiError('Unexpected error.', 'INTERNAL_SERVER_ERROR', 500))).not.toMatch(/INTERNAL/);
    expect(humanError(new TypeError('boom'))).not.toMatch(/boom/);
  });
});
