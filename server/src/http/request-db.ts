import type { Database, RunOptions } from '../db/driver.js';
import { DeadlineExceededError } from './errors.js';
import type { OutageTracker } from './outage.js';

/** What one request may use of the database. */
export interface RequestBudget {
  /** Epoch milliseconds after which no new statement starts and running ones are aborted by Neo4j. */
  deadline: number;
  timeoutMs: number;
  /** Sessions the request may hold at once; more wait for one to finish. */
  maxSessions: number;
}

/**
 * The database as one request sees it: at most `maxSessions` sessions at once (so one request of many aliases
 * cannot take the whole pool), every statement's transaction timeout cut to the time left before the deadline,
 * nothing started after it, and successes reported to the outage tracker.
 */
export function requestDatabase(db: Database, budget: RequestBudget, outage?: OutageTracker): Database {
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async (): Promise<void> => {
    if (running < budget.maxSessions) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const free = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  const limited = async <T>(call: (options: RunOptions) => Promise<T>, options: RunOptions = {}): Promise<T> => {
    await slot();
    try {
      const left = budget.deadline - Date.now();
      if (left <= 0) throw new DeadlineExceededError(budget.timeoutMs);
      const result = await call({ timeoutMs: Math.min(left, options.timeoutMs ?? left) });
      outage?.succeeded();
      return result;
    } finally {
      free();
    }
  };
  return {
    database: db.database,
    read: (work, options) => limited((run) => db.read(work, run), options),
    write: (work, options) => limited((run) => db.write(work, run), options),
    ping: (timeoutMs) => db.ping(timeoutMs),
    // The shared driver outlives the request.
    close: async () => undefined,
  };
}
