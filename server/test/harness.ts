import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import type { WriteToken } from '../src/config.js';
import { createDatabase, type Database } from '../src/db/driver.js';
import { createHttpServer } from '../src/http/server.js';
import { DEFAULT_CLIENT_LIMITS } from '../src/http/clients.js';
import { createGraphQLServer, type SecurityOptions } from '../src/http/yoga.js';
import { refreshDegrees } from '../src/write/relationships.js';

/** A driver for the run's Neo4j (started by the global setup); close it in afterAll. */
export function testDatabase(): Database {
  const { uri, username, password, database } = inject('neo4j');
  return createDatabase({ uri, username, password, database });
}

/** The GraphQL server in process (call `yoga.fetch`), on the run's Neo4j. */
export function testYoga(
  db: Database,
  options: { maxBodyBytes?: number; writeTokens?: readonly WriteToken[]; security?: Partial<SecurityOptions> } = {},
): ReturnType<typeof createGraphQLServer> {
  // Every test sends from one in-process "client"; per-client rate limits have their own tests (http/hardening.test.ts).
  const clients = { ...DEFAULT_CLIENT_LIMITS, writesPerMinute: 0, expensivePerMinute: 0 };
  return createGraphQLServer({
    db,
    maxBodyBytes: options.maxBodyBytes ?? 100_000,
    writeTokens: options.writeTokens ?? [],
    security: { clients, ...options.security },
  });
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

/**
 * Removes everything a test run wrote, found by a marker in its ids (entities, relationships, quotes, documents,
 * merge and deletion records), and recomputes the stored counts of the entities that were linked to them, as the
 * write path would, so later test files see the seed graph's counts again.
 */
export async function removeTestData(db: Database, marker: string, extraEntityIds: readonly string[] = []): Promise<void> {
  await db.write(async (tx) => {
    const found = await tx.run(
      `MATCH (n:Entity) WHERE n.id CONTAINS $marker OR n.id IN $extra
       OPTIONAL MATCH (n)--(m:Entity)
       RETURN collect(DISTINCT n.id) AS ids, collect(DISTINCT m.id) AS neighbours`,
      { marker, extra: [...extraEntityIds] },
    );
    const ids = (found.records[0]?.get('ids') as string[] | undefined) ?? [];
    const neighbours = ((found.records[0]?.get('neighbours') as string[] | undefined) ?? []).filter((id) => !ids.includes(id));
    await tx.run('MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', { ids });
    await tx.run('MATCH (e:Evidence) WHERE e.factId CONTAINS $marker OR e.documentId CONTAINS $marker OR e.factId IN $ids DELETE e', { marker, ids });
    await tx.run('MATCH (n) WHERE (n:Document OR n:Tombstone) AND n.id CONTAINS $marker DELETE n', { marker });
    await refreshDegrees(tx, neighbours);
  });
}

/**
 * Removes documents imported as articles and everything their import and review wrote: mentions, proposals and
 * the rejections they recorded, quotes into them, the entities and relationships accepted proposals created (an
 * accept may also add a quote to a seed entity; that quote goes with the document); then recomputes the stored
 * counts of the entities that were linked to what went.
 */
export async function removeImportedDocuments(db: Database, documentIds: readonly string[]): Promise<void> {
  if (documentIds.length === 0) return;
  const docs = [...documentIds];
  const importers = docs.map((id) => `import:${id}`);
  await db.write(async (tx) => {
    const relationships = await tx.run('MATCH (a:Entity)-[r]->(b:Entity) WHERE r.createdBy IN $importers DELETE r RETURN a.id AS a, b.id AS b', { importers });
    const entities = await tx.run('MATCH (n:Entity) WHERE n.createdBy IN $importers OPTIONAL MATCH (n)--(m:Entity) RETURN n.id AS id, collect(m.id) AS neighbours', { importers });
    const ids = entities.records.map((record) => String(record.get('id')));
    await tx.run('MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', { ids });
    const linked = [
      ...relationships.records.flatMap((record) => [String(record.get('a')), String(record.get('b'))]),
      ...entities.records.flatMap((record) => record.get('neighbours') as string[]),
    ].filter((id) => !ids.includes(id));
    await tx.run('MATCH (e:Evidence) WHERE e.documentId IN $docs OR e.factId IN $ids DELETE e', { docs, ids });
    await tx.run('MATCH (p:Proposal) WHERE p.documentId IN $docs OPTIONAL MATCH (r:RejectedProposal {key: p.key}) DELETE r', { docs });
    await tx.run('MATCH (n) WHERE (n:Proposal OR n:Mention) AND n.documentId IN $docs DELETE n', { docs });
    await tx.run('MATCH (d:Document) WHERE d.id IN $docs DELETE d', { docs });
    await refreshDegrees(tx, [...new Set(linked)]);
  });
}
