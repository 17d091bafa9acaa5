import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.js';
import { createDatabase, type Database } from './db/driver.js';
import { applySchema } from './db/schema.js';
import { waitForDatabase } from './db/wait.js';
import { LocalNeo4j } from './neo4j-local/local-neo4j.js';
import { isPortInUse } from './neo4j-local/ports.js';
import { loadSeeds } from './seed/load.js';

/** Folder holding the seed documents and graph files. */
export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../seeds');

/** A connected database, and the local Neo4j process when we started one. */
export interface Backend {
  db: Database;
  local: LocalNeo4j | undefined;
  /** Closes the driver and stops the local Neo4j, if any. */
  close(): Promise<void>;
}

/** Starts the local Neo4j when NEO4J_URI is unset (else uses the configured one) and connects to it. */
export async function startBackend(config: Config, log: (line: string) => void, options: { restartOnCrash?: boolean } = {}): Promise<Backend> {
  let local: LocalNeo4j | undefined;
  let target;
  if (config.localNeo4j) {
    local = new LocalNeo4j({
      dataDir: config.KGX_DATA_DIR,
      boltPort: config.KGX_NEO4J_BOLT_PORT,
      pageCache: config.KGX_NEO4J_PAGE_CACHE,
      heap: config.KGX_NEO4J_HEAP,
      restartOnCrash: options.restartOnCrash ?? true,
      log: (line) => log(`[neo4j] ${line}`),
    });
    target = { ...(await local.start()), database: config.NEO4J_DATABASE };
  } else {
    log(`Using the Neo4j at ${config.NEO4J_URI} (NEO4J_URI is set; nothing local is started).`);
    target = { uri: config.NEO4J_URI!, username: config.NEO4J_USERNAME!, password: config.NEO4J_PASSWORD!, database: config.NEO4J_DATABASE };
  }
  const db = createDatabase(target);
  return {
    db,
    local,
    async close() {
      // stop() marks itself before its first await, so a database exit from here on is not taken for a crash.
      const stopping = local?.stop();
      await db.close();
      await stopping;
    },
  };
}

/** Makes the database ready for the API: reachable, schema applied, seeds loaded (all idempotent). */
export async function prepareDatabase(db: Database, options: { loadSeeds: boolean; log: (line: string) => void }): Promise<void> {
  let warned = false;
  await waitForDatabase(db, 60_000, () => {
    if (!warned) options.log('Waiting for Neo4j to accept connections ...');
    warned = true;
  });
  await applySchema(db);
  if (options.loadSeeds) {
    const report = await loadSeeds(db, SEEDS_DIR);
    options.log(
      `Seeds loaded: ${report.documents} document(s), ${report.entities} entities, ${report.relationships} relationships, ${report.evidence} quotes.`,
    );
  }
}

/**
 * A database for a command-line tool (import, export): the configured Neo4j; else the local one `npm start`
 * runs, if it is up; else the local one started just for the tool (stopped again by `close`).
 */
export async function openToolBackend(config: Config, log: (line: string) => void): Promise<Backend> {
  if (config.localNeo4j && (await isPortInUse(config.KGX_NEO4J_BOLT_PORT))) {
    const password = (await readFile(path.join(config.KGX_DATA_DIR, 'neo4j', 'password'), 'utf8')).trim();
    log(`Using the local Neo4j already running on port ${config.KGX_NEO4J_BOLT_PORT}.`);
    const db = createDatabase({ uri: `bolt://127.0.0.1:${config.KGX_NEO4J_BOLT_PORT}`, username: 'neo4j', password, database: config.NEO4J_DATABASE });
    return { db, local: undefined, close: () => db.close() };
  }
  const backend = await startBackend({ ...config, KGX_LOAD_SEEDS: false }, log, { restartOnCrash: false });
  await prepareDatabase(backend.db, { loadSeeds: false, log });
  return backend;
}
