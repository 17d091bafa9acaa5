import { Neo4jError } from 'neo4j-driver';
import type { Database } from './driver.js';

/**
 * Waits until Neo4j answers, retrying with a short pause; rejects with the last error after `timeoutMs`.
 * A refused login fails at once: retrying it cannot help and would trip Neo4j's lock-out on failed logins.
 */
export async function waitForDatabase(db: Database, timeoutMs: number, onRetry?: (error: unknown) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await db.ping();
      return;
    } catch (error) {
      if (error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Security.')) {
        throw new Error(`Neo4j refused the login (${error.code}); check NEO4J_USERNAME and NEO4J_PASSWORD.`);
      }
      if (Date.now() > deadline) throw error;
      onRetry?.(error);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
