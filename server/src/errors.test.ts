import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './errors.js';

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
