/** `npm start`: the local Neo4j (unless NEO4J_URI is set), schema and seeds, then API and web page on one port. */
import type { AddressInfo } from 'node:net';
import { startBackend, prepareDatabase, type Backend } from './bootstrap.js';
import { loadConfig } from './config.js';
import { createHttpServer } from './http/server.js';

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function main(): Promise<void> {
  const config = loadConfig();
  let backend: Backend | undefined;
  let shuttingDown = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal} received; shutting down ...`);
    server?.close();
    server?.closeAllConnections();
    try {
      await backend?.close();
      log('Stopped.');
      process.exit(0);
    } catch (error) {
      log(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  let server: ReturnType<typeof createHttpServer> | undefined;
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  backend = await startBackend(config, log);
  await prepareDatabase(backend.db, { loadSeeds: config.KGX_LOAD_SEEDS, log });
  server = createHttpServer({ db: backend.db, maxBodyBytes: config.KGX_MAX_BODY_BYTES, graphiql: true, writeTokens: config.writeTokens });
  log(config.writeTokens.length > 0 ? `Writes are open to ${config.writeTokens.length} token(s).` : 'Read-only: no write token configured (KGX_WRITE_TOKEN).');
  try {
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(config.PORT, config.HOST, resolve);
    });
  } catch (error) {
    await backend.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${config.PORT} on ${config.HOST} is already in use; stop what listens there or set PORT to another port.`);
    }
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  log(`Ready: http://${shownHost}:${port}/  (GraphQL at /graphql, health at /healthz and /readyz; Ctrl-C stops)`);
}

main().catch((error: unknown) => {
  log(`Start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
