import { APP_METADATA, type Database, type OpenReadTransaction, type RunOptions, type TransactionMetadata } from '../db/driver.js';
import { DeadlineExceededError } from './errors.js';
import type { OutageTracker } from './outage.js';

/** What one request may use of the database. */
export interface RequestBudget {
  /** Epoch milliseconds after which no new statement starts and running ones are aborted by Neo4j. */
  deadline: number;
  timeoutMs: number;
  /** Statements the request may have running at once; more wait for one to finish. */
  maxSessions: number;
}

/** The database of one request, with the two moments of its life the GraphQL layer marks. */
export interface RequestDatabase extends Database {
  /** Sets the metadata of the request's transactions (the operation's name); call before the first statement. */
  describe(metadata: TransactionMetadata): void;
  /** Ends the request's read transaction, if one was opened; later statements fail. Safe to call more than once. */
  end(): Promise<void>;
}

/**
 * The database as one request sees it. All its reads run in ONE read transaction (one session, one entry in the
 * query log, one read-committed view), opened on the first read with the time left before the deadline as its
 * timeout and the request's metadata, shared by every resolver and loader, and ended by `end()` when the request
 * is answered. Writes (mutations) keep their own write transactions with the same metadata. At most
 * `maxSessions` statements run at once (so one request of many aliases cannot flood the database), nothing starts
 * after the deadline, and successes are reported to the outage tracker.
 */
export function requestDatabase(db: Database, budget: RequestBudget, outage?: OutageTracker): RequestDatabase {
  let metadata: TransactionMetadata = { ...APP_METADATA, operation: 'anonymous' };
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
  const left = (): number => {
    const ms = budget.deadline - Date.now();
    if (ms <= 0 || ended) throw new DeadlineExceededError(budget.timeoutMs);
    return ms;
  };
  const limited = async <T>(call: (options: RunOptions) => Promise<T>, options: RunOptions = {}): Promise<T> => {
    await slot();
    try {
      const ms = left();
      const result = await call({ timeoutMs: Math.min(ms, options.timeoutMs ?? ms), metadata: { ...metadata, ...options.metadata } });
      outage?.succeeded();
      return result;
    } finally {
      free();
    }
  };

  let ended = false;
  /** The request's read transaction once asked for; replaced only when a failure closed it (a later field may still read). */
  let shared: Promise<OpenReadTransaction> | undefined;
  let current: OpenReadTransaction | undefined;
  const opened: Promise<OpenReadTransaction>[] = [];
  const transaction = (options: RunOptions): Promise<OpenReadTransaction> => {
    if (shared && (!current || current.isOpen())) return shared;
    current = undefined;
    const opening = db.beginRead(options);
    shared = opening;
    opened.push(opening);
    opening.then(
      (tx) => {
        if (shared === opening) current = tx;
      },
      () => {
        // It could not be opened (the database is down): the next read tries again, as separate transactions would.
        if (shared === opening) shared = undefined;
      },
    );
    return opening;
  };

  return {
    database: db.database,
    read: (work, options) => limited(async (run) => work(await transaction(run)), options),
    write: (work, options) => limited((run) => db.write(work, run), options),
    beginRead: (options) => limited((run) => db.beginRead(run), options),
    ping: (timeoutMs) => db.ping(timeoutMs),
    describe(more) {
      metadata = { ...APP_METADATA, operation: 'anonymous', ...more };
    },
    async end() {
      ended = true;
      await Promise.all(opened.map((opening) => opening.then((tx) => tx.end()).catch(() => undefined)));
    },
    // The shared driver outlives the request.
    close: async () => undefined,
  };
}
