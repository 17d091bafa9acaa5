import type { Database } from './driver.js';

/** Waits until Neo4j answers, retrying with a short pause; rejects with the last error after `timeoutMs`. */
export async function waitForDatabase(db: Database, timeoutMs: number, onRetry?: (error: unknown) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await db.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      onRetry?.(error);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
