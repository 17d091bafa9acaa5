/**
 * The three things measured, each behind HTTP on 127.0.0.1 so all pay the same transport:
 * (a) this server (createHttpServer), (b) the floor: the server's own repository functions (its query builders
 * run through neo4j-driver) behind a minimal JSON endpoint, (c) @neo4j/graphql on the same database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import type { Database, Neo4jTarget } from '../../server/src/db/driver.js';
import { createHttpServer } from '../../server/src/http/server.js';
import { createPeerSchema } from './peer.js';

export type FloorHandler = (db: Database, variables: Record<string, unknown>) => Promise<unknown>;

export interface Endpoints {
  serverUrl: string;
  floorUrl: string;
  peerUrl: string | undefined;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function shut(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export async function startEndpoints(db: Database, target: Neo4jTarget, floors: Map<string, FloorHandler>, withPeer: boolean): Promise<Endpoints> {
  // Bench queries are larger than the API's default body limit allows for no reason of theirs.
  // The page is not measured; an empty folder keeps the server from needing `npm run build:web`.
  const webDist = await mkdtemp(path.join(os.tmpdir(), 'kgx-bench-web-'));
  const server = createHttpServer({ db, maxBodyBytes: 1_000_000, webDist });
  const floor = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const name = decodeURIComponent((req.url ?? '/').slice(1));
      const handler = floors.get(name);
      if (!handler) {
        res.writeHead(404).end();
        return;
      }
      const variables = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      handler(db, variables).then(
        (result) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(result));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
  });
  let peer: Server | undefined;
  let peerDriver: ReturnType<typeof neo4j.driver> | undefined;
  if (withPeer) {
    peerDriver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
    const schema = await createPeerSchema(peerDriver);
    const yoga = createYoga({
      schema,
      logging: 'error',
      maskedErrors: false,
      context: { sessionConfig: target.database ? { database: target.database } : {} },
    });
    peer = createServer((req, res) => void yoga.handle(req, res));
  }
  const serverUrl = await listen(server);
  const floorUrl = await listen(floor);
  const peerUrl = peer ? await listen(peer) : undefined;
  return {
    serverUrl,
    floorUrl,
    peerUrl,
    async close() {
      await shut(server);
      await shut(floor);
      if (peer) await shut(peer);
      await peerDriver?.close();
      await rm(webDist, { recursive: true, force: true });
    },
  };
}

/** POSTs a GraphQL operation and returns `data`; throws on HTTP or GraphQL errors so they count as failures. */
export async function postGraphQL(url: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (!response.ok || body.errors) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return body.data;
}

/** GETs a path (a download such as the export) and returns its body; throws on HTTP errors. */
export async function getText(url: string, pathAndQuery: string): Promise<string> {
  const response = await fetch(`${url}${pathAndQuery}`, { signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

export async function postFloor(url: string, name: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${url}/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(variables),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response.json();
}
