/**
 * Vitest global setup: a real Neo4j for the whole run. Without NEO4J_URI it starts Neo4j Community on a free
 * loopback port with a throw-away data folder; with NEO4J_URI it uses that database. Schema and seeds are applied.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../src/bootstrap.js';
import { createDatabase, type Neo4jTarget } from '../src/db/driver.js';
import { LocalNeo4j } from '../src/neo4j-local/local-neo4j.js';
import { freePort } from '../src/neo4j-local/ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTarget & { local: boolean };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = (line: string): void => {
    process.stderr.write(`[test-setup] ${line}\n`);
  };
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let external: Neo4jTarget | undefined;
  const uri = process.env.NEO4J_URI?.trim();
  if (uri) {
    external = {
      uri,
      username: process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE || undefined,
    };
    log(`Testing against ${uri} (NEO4J_URI is set).`);
  } else {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kgx-test-neo4j-'));
    local = new LocalNeo4j({ dataDir, boltPort: await freePort(), heap: '1g', pageCache: '128m', log });
  }
  const cleanUp = async (): Promise<void> => {
    await local?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  let target: Neo4jTarget;
  try {
    target = local ? await local.start() : external!;
    const db = createDatabase(target);
    try {
      await prepareDatabase(db, { loadSeeds: true, log });
    } finally {
      await db.close();
    }
  } catch (error) {
    // Vitest skips the teardown when setup throws, so nothing may be left running or on disk.
    await cleanUp();
    throw error;
  }
  project.provide('neo4j', { ...target, local: local !== undefined });
  // Integration tests may also read the usual variables.
  process.env.NEO4J_URI = target.uri;
  process.env.NEO4J_USERNAME = target.username;
  process.env.NEO4J_PASSWORD = target.password;

  return cleanUp;
}
