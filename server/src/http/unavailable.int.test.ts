import { afterAll, describe, expect, it } from 'vitest';
import { graphql, testYoga } from '../../test/harness.js';
import { createDatabase } from '../db/driver.js';
import { freePort } from '../neo4j-local/ports.js';

// A database nobody listens on: what the API does when Neo4j is down.
const db = createDatabase({ uri: `bolt://127.0.0.1:${await freePort()}`, username: 'neo4j', password: 'irrelevant' });
const yoga = testYoga(db, { maxBodyBytes: 10_000 });
afterAll(() => db.close());

describe('when Neo4j is down', () => {
  it('GraphQL answers DATABASE_UNAVAILABLE, without leaking driver details', async () => {
    const { body } = await graphql(yoga, '{ search(query: "gro") { score } }');
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(body.errors![0]!.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|bolt/i);
  });

  it('/readyz answers 503 with a short reason while /healthz stays 200', async () => {
    const ready = await yoga.fetch('http://localhost/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/^Neo4j: /) });
    expect((await yoga.fetch('http://localhost/healthz')).status).toBe(200);
  });
});
