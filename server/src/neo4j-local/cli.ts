/** Runs only the local Neo4j (no API), until Ctrl-C: `npm run neo4j`. */
import { loadConfig } from '../config.js';
import { logger } from '../log.js';
import { LocalNeo4j } from './local-neo4j.js';
import { PrerequisiteError } from './toolchain.js';

const log = logger('neo4j');

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
  log.info(`Ready at ${connection.uri} (user ${connection.username}, password in ${config.KGX_DATA_DIR}/neo4j/password). Ctrl-C stops it.`);
  const stop = (): void => {
    neo4j.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  log.fatal(error instanceof PrerequisiteError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
