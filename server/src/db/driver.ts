import neo4j, { type Driver, type ManagedTransaction, type Session, type Transaction } from 'neo4j-driver';

/** Where and how to reach Neo4j. */
export interface Neo4jTarget {
  uri: string;
  username: string;
  password: string;
  database?: string | undefined;
}

/** A query plus its parameters: what every query builder returns. */
export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * What a transaction tells Neo4j about itself: shown by `SHOW TRANSACTIONS` and written to the query log, so a
 * slow or failing statement there ties back to the API operation that ran it.
 */
export type TransactionMetadata = Record<string, string>;

/** Marks the transactions of kg-explorer in Neo4j's query log and `SHOW TRANSACTIONS`. */
export const APP_METADATA: TransactionMetadata = { app: 'kg-explorer' };

/** Per-call options: the transaction timeout Neo4j enforces for this call, and the transaction's metadata. */
export interface RunOptions {
  timeoutMs?: number;
  metadata?: TransactionMetadata;
}

/** What a read needs of a transaction: running statements. A managed and an explicit transaction both fit. */
export type ReadTransaction = Pick<ManagedTransaction, 'run'>;

/**
 * An explicit read transaction that outlives one call: a GraphQL request runs all its reads in one of these
 * (one session, one snapshot of what was committed, one entry in the query log). Statements may run concurrently
 * on it; the driver pipelines them on its one connection.
 */
export interface OpenReadTransaction extends ReadTransaction {
  /** False once it failed (a statement's error or its timeout rolls it back) or was ended. */
  isOpen(): boolean;
  /** Ends it (rolled back: a read has nothing to commit; running statements are cancelled) and closes its session; never throws. */
  end(): Promise<void>;
}

/**
 * Access to the graph database: read and write transactions with retries. Failures are the driver's own errors
 * (Neo4jError and friends); turning them into API errors is the GraphQL boundary's job (server/src/http/).
 */
export interface Database {
  readonly database: string | undefined;
  /** Runs `work` in a read transaction (routed to readers in a cluster). */
  read<T>(work: (tx: ReadTransaction) => Promise<T>, options?: RunOptions): Promise<T>;
  /** Opens a read transaction for several calls; the caller must `end()` it. Rejects when the database cannot be reached. */
  beginRead(options?: RunOptions): Promise<OpenReadTransaction>;
  /** Runs `work` in one write transaction: all of it commits, or nothing does. */
  write<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: RunOptions): Promise<T>;
  /** Resolves when the server answers a trivial query; rejects with the reason otherwise, within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Timeouts and pool settings of the driver; every field has a default. */
export interface DriverSettings {
  /** Transaction timeout of every statement unless the call asks for less. */
  txTimeoutMs?: number;
  maxPoolSize?: number;
  /** Connections older than this are closed when next released or acquired. */
  maxConnectionLifetimeMs?: number;
  /** With no session open for this long, the pool is closed (all idle Bolt connections go) and reopened on demand. */
  idleMs?: number;
}

/** Longest a statement may run before Neo4j aborts it; API reads are bounded, so only a pathological one hits this. */
export const READ_TIMEOUT_MS = 8_000;

/** Writes may take longer (seed and bundle loads in one transaction). */
const WRITE_TIMEOUT_MS = 60_000;

/** Creates the driver; it connects lazily, so this never fails for an unreachable server. */
export function createDatabase(target: Neo4jTarget, settings: DriverSettings = {}): Database {
  const txTimeoutMs = settings.txTimeoutMs ?? READ_TIMEOUT_MS;
  const idleMs = settings.idleMs ?? 30_000;
  const makeDriver = (): Driver =>
    neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
      // Integers come back as JS numbers (or bigint when large) so no Integer objects leak into resolvers.
      disableLosslessIntegers: true,
      maxConnectionPoolSize: settings.maxPoolSize ?? 40,
      maxConnectionLifetime: settings.maxConnectionLifetimeMs ?? 300_000,
      // Fail fast when the database is down or saturated: a request must fail within seconds, not hang.
      connectionAcquisitionTimeout: 3_000,
      connectionTimeout: 2_000,
      maxTransactionRetryTime: 1_000,
      userAgent: 'kg-explorer/0.1',
    });

  // The driver's pool keeps idle connections forever (it only checks their age when one is next used), so after a
  // burst the whole pool would stay open. Closing the idle driver and opening a fresh one on demand releases them.
  let driver: Driver | undefined;
  let active = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  let closed = false;
  const acquire = (): Driver => {
    if (closed) throw new Error('The database connection is closed.');
    clearTimeout(idleTimer);
    active += 1;
    driver ??= makeDriver();
    return driver;
  };
  const release = (): void => {
    active -= 1;
    if (active > 0 || closed) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (active > 0 || !driver) return;
      const idle = driver;
      driver = undefined;
      void idle.close().catch(() => undefined);
    }, idleMs);
    idleTimer.unref();
  };

  const database = target.database;
  const sessionConfig = database ? { database } : {};

  async function run<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const current = acquire();
    const session = current.session({ ...sessionConfig, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      const timeout = Math.max(1, Math.min(options.timeoutMs ?? Number.POSITIVE_INFINITY, mode === 'READ' ? txTimeoutMs : Math.max(txTimeoutMs, WRITE_TIMEOUT_MS)));
      const config = { timeout, ...(options.metadata ? { metadata: options.metadata } : {}) };
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } finally {
      // A failing close must not replace the error (or result) that matters.
      await session.close().catch(() => undefined);
      release();
    }
  }

  async function beginRead(options: RunOptions = {}): Promise<OpenReadTransaction> {
    const current = acquire();
    let session: Session | undefined;
    let released = false;
    const close = async (): Promise<void> => {
      if (released) return;
      released = true;
      await session?.close().catch(() => undefined);
      release();
    };
    try {
      session = current.session({ ...sessionConfig, defaultAccessMode: neo4j.session.READ });
      const timeout = Math.max(1, Math.min(options.timeoutMs ?? Number.POSITIVE_INFINITY, txTimeoutMs));
      // Not awaited: BEGIN then goes out with the first RUN (pipelined, as the driver does for managed
      // transactions) instead of costing a round trip of its own on every request. A BEGIN that fails (an
      // unreachable database) fails that first statement with the driver's error, and `isOpen()` turns false so
      // the request's next read opens a new transaction. Listening on it keeps a failed BEGIN from going unhandled.
      const tx: Transaction = session.beginTransaction({ timeout, ...(options.metadata ? { metadata: options.metadata } : {}) });
      void (tx as Transaction & Promise<Transaction>).catch(() => undefined);
      return {
        run: ((query: string, params?: Record<string, unknown>) => tx.run(query, params)) as ReadTransaction['run'],
        isOpen: () => !released && tx.isOpen(),
        async end() {
          if (released) return;
          if (tx.isOpen()) await tx.rollback().catch(() => undefined);
          await close();
        },
      };
    } catch (error) {
      await close();
      throw error;
    }
  }

  return {
    database,
    read: (work, options) => run('READ', work, options),
    write: (work, options) => run('WRITE', work, options),
    beginRead,
    async ping(timeoutMs = 1_500) {
      const current = acquire();
      const session = current.session({ ...sessionConfig, defaultAccessMode: neo4j.session.READ });
      let timer: NodeJS.Timeout | undefined;
      try {
        // One attempt, no retries, bounded in time: readiness must answer quickly either way.
        await Promise.race([
          session.run('RETURN 1', {}, { timeout: timeoutMs }),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(Object.assign(new Error(`No answer within ${timeoutMs} ms`), { code: 'Timeout' })), timeoutMs);
          }),
        ]);
      } finally {
        clearTimeout(timer);
        void session.close().catch(() => undefined);
        release();
      }
    },
    async close() {
      closed = true;
      clearTimeout(idleTimer);
      const open = driver;
      driver = undefined;
      await open?.close();
    },
  };
}

/** The same database with `metadata` on every transaction it runs (e.g. the export route naming itself in the query log). */
export function withMetadata(db: Database, metadata: TransactionMetadata): Database {
  return {
    database: db.database,
    read: (work, options) => db.read(work, { ...options, metadata: { ...metadata, ...options?.metadata } }),
    write: (work, options) => db.write(work, { ...options, metadata: { ...metadata, ...options?.metadata } }),
    beginRead: (options) => db.beginRead({ ...options, metadata: { ...metadata, ...options?.metadata } }),
    ping: (timeoutMs) => db.ping(timeoutMs),
    close: () => db.close(),
  };
}
