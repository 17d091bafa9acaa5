import { afterAll, describe, expect, inject, it } from 'vitest';
import { graphql, testYoga } from '../../test/harness.js';
import { createDatabase } from '../db/driver.js';

// Clusters and Aura are reached through neo4j:// (routing) URIs; the routing driver must work with our reads too.
const { uri, username, password, database } = inject('neo4j');
const routed = uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');
const db = createDatabase({ uri: routed, username, password, database });
const yoga = testYoga(db, { maxBodyBytes: 10_000 });
afterAll(() => db.close());

describe('a neo4j:// (routing) URI', () => {
  it('serves GraphQL reads through the routing driver', async () => {
    expect(routed).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
    const { body } = await graphql(yoga, '{ search(query: "sykehuspartner", first: 1) { entity { id } } }');
    expect(body).toEqual({ data: { search: [{ entity: { id: 'org:sykehuspartner' } }] } });
  });
});
