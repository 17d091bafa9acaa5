/** Runs only the local Neo4j (no API), until Ctrl-C: `npm run neo4j`. */
import { loadConfig } from '../config.js';
import { LocalNeo4j } from './local-neo4j.js';
import { PrerequisiteError } from './toolchain.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const neo4j = new LocalNeo4j({
    dataDir: config.KGX_DATA_DIR,
    boltPort: config.KGX_NEO4J_BOLT_PORT,
    pageCache: config.KGX_NEO4J_PAGE_CACHE,
    heap: config.KGX_NEO4J_HEAP,
    restartOnCrash: true,
  });
  const connection = await neo4j.start();
  process.stderr.write(
    `[neo4j] Ready at ${connection.uri} (user ${connection.username}, password in ${config.KGX_DATA_DIR}/neo4j/password). Ctrl-C stops it.\n`,
  );
  const stop = (): void => {
    neo4j.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`[neo4j] ${error instanceof PrerequisiteError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
