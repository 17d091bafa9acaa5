import { afterAll, describe, expect, it } from 'vitest';
import { graphql, testYoga } from '../../test/harness.js';
import net from 'node:net';
import { createDatabase } from '../db/driver.js';
import { createGraphQLServer } from './yoga.js';
import { freePort } from '../neo4j-local/ports.js';

// A database nobody listens on: what the API does when Neo4j is down.
const db = createDatabase({ uri: `bolt://127.0.0.1:${await freePort()}`, username: 'neo4j', password: 'irrelevant' });
const yoga = testYoga(db, { maxBodyBytes: 10_000 });
afterAll(() => db.close());

describe('when Neo4j is down', () => {
  it('GraphQL answers DATABASE_UNAVAILABLE within 5 s, without leaking driver details', async () => {
    const started = Date.now();
    const { body } = await graphql(yoga, '{ search(query: "gro") { score } }');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(body.errors![0]!.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|bolt/i);
  });

  it('/readyz answers 503 within 2 s with a short reason while /healthz stays 200', async () => {
    const started = Date.now();
    const ready = await yoga.fetch('http://localhost/readyz');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/^Neo4j: /) });
    expect((await yoga.fetch('http://localhost/healthz')).status).toBe(200);
  });

  it('/healthz fails when the process cannot recover by itself', async () => {
    const dead = createGraphQLServer({ db, maxBodyBytes: 10_000, alive: () => false });
    expect((await dead.fetch('http://localhost/healthz')).status).toBe(503);
  });
});

describe('when Neo4j does not answer at all (connections hang)', () => {
  it('queries fail within 5 s and /readyz within 2 s', async () => {
    // A listener that accepts TCP connections and never speaks Bolt: the worst case for timeouts.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const hanging = createDatabase({ uri: `bolt://127.0.0.1:${port}`, username: 'neo4j', password: 'irrelevant' });
    const server = createGraphQLServer({ db: hanging, maxBodyBytes: 10_000 });
    try {
      let started = Date.now();
      const { body } = await graphql(server, '{ search(query: "gro") { score } }');
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(body.errors?.[0]?.extensions?.code).toMatch(/^(DATABASE_UNAVAILABLE|TIMEOUT)$/);
      started = Date.now();
      expect((await server.fetch('http://localhost/readyz')).status).toBe(503);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await hanging.close();
      silent.close();
    }
  }, 20_000);
});
