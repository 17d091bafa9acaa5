import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { Database } from './driver.js';
import { waitForDatabase } from './wait.js';

/** A stand-in whose ping fails with the given errors, in order, then succeeds; only `ping` is used. */
function pinging(errors: Error[]): Database & { calls: number } {
  const fake = {
    calls: 0,
    async ping() {
      const error = errors[fake.calls];
      fake.calls += 1;
      if (error) throw error;
    },
  };
  return fake as unknown as Database & { calls: number };
}

describe('waitForDatabase', () => {
  it('retries while the database is not reachable yet', async () => {
    const db = pinging([new Neo4jError('down', 'ServiceUnavailable', '08000', 'x'), new Neo4jError('down', 'ServiceUnavailable', '08000', 'x')]);
    const retries: unknown[] = [];
    await waitForDatabase(db, 10_000, (error) => retries.push(error));
    expect(db.calls).toBe(3);
    expect(retries).toHaveLength(2);
  });

  it('fails at once, naming the variables, when Neo4j refuses the login', async () => {
    const db = pinging([new Neo4jError('unauthorized', 'Neo.ClientError.Security.Unauthorized', '42NFF', 'x')]);
    await expect(waitForDatabase(db, 10_000)).rejects.toThrow(/refused the login .*NEO4J_USERNAME and NEO4J_PASSWORD/);
    expect(db.calls).toBe(1);
  });

  it('gives up with the last error after the timeout', async () => {
    const down = new Neo4jError('still down', 'ServiceUnavailable', '08000', 'x');
    const db = pinging([down, down, down]);
    await expect(waitForDatabase(db, 0)).rejects.toBe(down);
  });
});
