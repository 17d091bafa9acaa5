/**
 * A throw-away Neo4j of a test's own, for tests that must kill the database for real (SIGKILL) without disturbing
 * the run's shared database: free Bolt port, data under a temp folder, supervised so it comes back after a kill.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, type Database } from '../src/db/driver.js';
import { applySchema } from '../src/db/schema.js';
import { LocalNeo4j } from '../src/neo4j-local/local-neo4j.js';
import { freePort } from '../src/neo4j-local/ports.js';

/** The supervisor's line once a crashed database is up again (`LocalNeo4j.restart`). */
const RESTARTED = 'Neo4j restarted.';

/** Waits until `predicate` holds, polling every 250 ms; throws after `timeoutMs`. */
export async function until(predicate: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface PrivateNeo4j {
  /** A driver for it; it reconnects by itself after a kill or a restart (same port, same password). */
  readonly db: Database;
  /** The database's progress lines, in order. */
  readonly logs: readonly string[];
  /** Kills the database process now with SIGKILL; the supervisor starts it again on the same store. */
  kill(): void;
  /** How many times the supervisor has brought it back after a death. */
  restarts(): number;
  /** Waits until the supervisor has restarted it more than `after` times and Bolt answers again. */
  waitForRestart(after: number, timeoutMs?: number): Promise<void>;
  /** Stops it cleanly and starts it again on the same store and port (a planned restart). */
  restart(): Promise<void>;
  /** Closes the driver, stops the database and removes its folder; safe to call after a failed start. */
  stop(): Promise<void>;
}

export interface PrivateNeo4jOptions {
  /** Prefix of the temp folder, e.g. `kgx-crash-test-`. */
  name: string;
  heap?: string;
  pageCache?: string;
  /** Apply the constraints and indexes (default true). */
  schema?: boolean;
  /**
   * Transaction timeout of the driver (default 5 min): these tests write bundles of thousands of items in one
   * transaction on a shared 2-core machine, where the server's 60 s write timeout is a load flake, not a finding.
   */
  txTimeoutMs?: number;
}

/** Starts a private Neo4j and resolves once Bolt accepts logins (and the schema is applied). */
export async function startPrivateNeo4j(options: PrivateNeo4jOptions): Promise<PrivateNeo4j> {
  const logs: string[] = [];
  const dataDir = await mkdtemp(path.join(os.tmpdir(), options.name));
  const boltPort = await freePort();
  const launch = () =>
    new LocalNeo4j({
      dataDir,
      boltPort,
      heap: options.heap ?? '768m',
      pageCache: options.pageCache ?? '64m',
      restartOnCrash: true,
      log: (line) => logs.push(line),
    });
  let local = launch();
  let db: Database | undefined;
  const stop = async (): Promise<void> => {
    await db?.close();
    await local.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    db = createDatabase(await local.start(), { txTimeoutMs: options.txTimeoutMs ?? 300_000 });
    if (options.schema ?? true) await applySchema(db);
  } catch (error) {
    await stop();
    throw error;
  }
  const restarts = () => logs.filter((line) => line === RESTARTED).length;
  const answers = () => db!.ping().then(() => true, () => false);
  return {
    db,
    logs,
    kill() {
      const pid = local.pid;
      if (pid === undefined) throw new Error('the private Neo4j is not running');
      process.kill(pid, 'SIGKILL');
    },
    restarts,
    async waitForRestart(after, timeoutMs = 180_000) {
      await until(() => restarts() > after, timeoutMs);
      await until(answers, 60_000);
    },
    async restart() {
      await local.stop();
      local = launch();
      await local.start();
      await until(answers, 60_000);
    },
    stop,
  };
}
