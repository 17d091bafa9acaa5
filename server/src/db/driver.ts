import neo4j, { type ManagedTransaction } from 'neo4j-driver';

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

/** Access to the graph database: read and write transactions with retries and one error mapping. */
export interface Database {
  readonly database: string | undefined;
  /** Runs `work` in a read transaction (routed to readers in a cluster). */
  read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
  /** Runs `work` in one write transaction: all of it commits, or nothing does. */
  write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
  /** Resolves when the server answers a trivial query; rejects with the reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Longest a read may run before Neo4j aborts it; API reads are bounded, so only a pathological one hits this. */
export const READ_TIMEOUT_MS = 15_000;

/** Creates the driver; it connects lazily, so this never fails for an unreachable server. */
export function createDatabase(target: Neo4jTarget): Database {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
    // Integers come back as JS numbers (or bigint when large) so no Integer objects leak into resolvers.
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    userAgent: 'kg-explorer/0.1',
  });
  const database = target.database;
  const sessionConfig = database ? { database } : {};

  async function run<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = driver.session({ ...sessionConfig, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      // Driver errors go up as they are; the GraphQL boundary (http/yoga.ts) decides what clients see.
      return mode === 'READ' ? await session.executeRead(work, { timeout: READ_TIMEOUT_MS }) : await session.executeWrite(work);
    } finally {
      // A failing close must not replace the error (or result) that matters.
      await session.close().catch(() => undefined);
    }
  }

  return {
    database,
    read: (work) => run('READ', work),
    write: (work) => run('WRITE', work),
    async ping() {
      const session = driver.session({ ...sessionConfig, defaultAccessMode: neo4j.session.READ });
      try {
        await session.executeRead((tx) => tx.run('RETURN 1'), { timeout: 3_000 });
      } finally {
        await session.close();
      }
    },
    close: () => driver.close(),
  };
}
