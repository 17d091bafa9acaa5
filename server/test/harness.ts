import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import type { WriteToken } from '../src/config.js';
import { createDatabase, type Database } from '../src/db/driver.js';
import { createHttpServer } from '../src/http/server.js';
import { createGraphQLServer } from '../src/http/yoga.js';

/** A driver for the run's Neo4j (started by the global setup); close it in afterAll. */
export function testDatabase(): Database {
  const { uri, username, password, database } = inject('neo4j');
  return createDatabase({ uri, username, password, database });
}

/** The GraphQL server in process (call `yoga.fetch`), on the run's Neo4j. */
export function testYoga(
  db: Database,
  options: { maxBodyBytes?: number; writeTokens?: readonly WriteToken[] } = {},
): ReturnType<typeof createGraphQLServer> {
  return createGraphQLServer({ db, maxBodyBytes: options.maxBodyBytes ?? 100_000, writeTokens: options.writeTokens ?? [] });
}

/** Runs one GraphQL operation through `yoga.fetch` and returns status and parsed body. */
export async function graphql(
  yoga: ReturnType<typeof createGraphQLServer>,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    // The GraphQL-over-HTTP media type: request errors get 4xx statuses rather than the legacy 200.
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** The real HTTP server (API and built page) on a free loopback port, against the run's Neo4j. */
export async function startTestServer(
  options: { writeTokens?: readonly WriteToken[] } = {},
): Promise<{ url: string; db: Database; close(): Promise<void> }> {
  const db = testDatabase();
  const server = createHttpServer({ db, maxBodyBytes: 100_000, writeTokens: options.writeTokens ?? [] });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
