import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to a local Neo4j, port 4000 on loopback', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, HOST: '127.0.0.1', localNeo4j: true, KGX_NEO4J_BOLT_PORT: 7687, KGX_LOAD_SEEDS: true });
  });

  it('uses an external Neo4j, clusters and Aura included, when NEO4J_URI is set', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abcd.databases.neo4j.io',
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'graph',
    });
    expect(config.localNeo4j).toBe(false);
    expect(config.NEO4J_DATABASE).toBe('graph');
  });

  it('treats an empty NEO4J_URI as unset', () => {
    expect(loadConfig({ NEO4J_URI: '' }).localNeo4j).toBe(true);
  });

  it('names every bad variable in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://x' })).toThrow(/PORT: .*NEO4J_URI: must be a bolt/);
  });

  it('requires credentials with NEO4J_URI', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(/NEO4J_USERNAME and NEO4J_PASSWORD/);
  });
});
