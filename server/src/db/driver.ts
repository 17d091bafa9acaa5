import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';

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

/** Per-call options: the transaction timeout Neo4j enforces for this call. */
export interface RunOptions {
  timeoutMs?: number;
}

/**
 * Access to the graph database: read and write transactions with retries. Failures are the driver's own errors
 * (Neo4jError and friends); turning them into API errors is the GraphQL boundary's job (server/src/http/).
 */
export interface Database {
  readonly database: string | undefined;
  /** Runs `work` in a read transaction (routed to readers in a cluster). */
  read<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: RunOptions): Promise<T>;
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
      return mode === 'READ' ? await session.executeRead(work, { timeout }) : await session.executeWrite(work, { timeout });
    } finally {
      // A failing close must not replace the error (or result) that matters.
      await session.close().catch(() => undefined);
      release();
    }
  }

  return {
    database,
    read: (work, options) => run('READ', work, options),
    write: (work, options) => run('WRITE', work, options),
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
