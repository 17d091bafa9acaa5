import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDatabaseUnavailable, mapDriverError } from './errors.js';

const driverError = (code: string, message = 'boom'): Neo4jError => new Neo4jError(message, code, '50N42', 'error');

describe('isDatabaseUnavailable', () => {
  it('is true when the database cannot be reached or used right now', () => {
    expect(isDatabaseUnavailable(driverError('ServiceUnavailable'))).toBe(true);
    expect(isDatabaseUnavailable(driverError('SessionExpired'))).toBe(true);
    expect(isDatabaseUnavailable(driverError('Neo.TransientError.General.DatabaseUnavailable'))).toBe(true);
    expect(isDatabaseUnavailable(driverError('Neo.ClientError.Security.Unauthorized'))).toBe(true);
    expect(isDatabaseUnavailable(driverError('N/A', 'Connection acquisition timed out in 10000 ms.'))).toBe(true);
  });

  it('is false for failures the query itself caused, even when Neo4j calls them transient', () => {
    expect(isDatabaseUnavailable(driverError('Neo.TransientError.General.MemoryPoolOutOfMemoryError'))).toBe(false);
    expect(isDatabaseUnavailable(driverError('Neo.TransientError.General.TransactionMemoryLimit'))).toBe(false);
    expect(isDatabaseUnavailable(driverError('Neo.TransientError.Transaction.DeadlockDetected'))).toBe(false);
    expect(isDatabaseUnavailable(driverError('Neo.ClientError.Statement.SyntaxError'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('ServiceUnavailable'))).toBe(false);
  });
});

describe('mapDriverError', () => {
  afterEach(() => vi.restoreAllMocks());

  it('turns unavailability into DATABASE_UNAVAILABLE with a short message, logging the cause', () => {
    const warn = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const mapped = (() => {
      try {
        mapDriverError(driverError('ServiceUnavailable', 'Could not connect to 10.0.0.7:7687'));
      } catch (error) {
        return error;
      }
    })();
    expect(mapped).toBeInstanceOf(GraphQLError);
    expect((mapped as GraphQLError).extensions.code).toBe('DATABASE_UNAVAILABLE');
    expect((mapped as GraphQLError).message).not.toContain('10.0.0.7');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('10.0.0.7'));
  });

  it('passes our own GraphQL errors and unexpected errors through unchanged (Yoga masks the latter)', () => {
    const ours = new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(() => mapDriverError(ours)).toThrow(ours);
    const bug = driverError('Neo.ClientError.Statement.SyntaxError');
    expect(() => mapDriverError(bug)).toThrow(bug);
  });
});
