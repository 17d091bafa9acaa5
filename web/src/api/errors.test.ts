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

  it('says where to fix a refused write token, and what to do when the server is busy or asked too much', () => {
    const codes = ['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'TIMEOUT', 'QUERY_TOO_COMPLEX'];
    const said = codes.map((code) => humanError(new ApiError('Writes need a valid token: send "Authorization: Bearer <token>".', code, 200)));
    expect(said[0]).toMatch(/token was not accepted.*Review/);
    for (const text of said) {
      expect(text).not.toMatch(/[A-Z]{2,}_[A-Z]|UNAUTHENTICATED|FORBIDDEN|Bearer/);
      expect(text).not.toBe(humanError(new ApiError('x', 'INTERNAL_SERVER_ERROR', 500)));
    }
    expect(new Set(said).size).toBe(codes.length);
  });
});
