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

  it('has safe limits by default and reads them from KGX_ variables', () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({
      production: false,
      KGX_ALLOWED_ORIGINS: [],
      KGX_ALLOWED_HOSTS: ['localhost', '127.0.0.1', '::1'],
      KGX_REQUEST_TIMEOUT_MS: 10_000,
      KGX_MAX_DEPTH: 10,
      KGX_MAX_ALIASES: 15,
      KGX_MAX_DIRECTIVES: 50,
      KGX_MAX_TOKENS: 1_000,
    });
    const set = loadConfig({ KGX_ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080', KGX_MAX_DEPTH: '7', KGX_RATE_WRITES_PER_MINUTE: '0' });
    expect(set.KGX_ALLOWED_ORIGINS).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(set.KGX_MAX_DEPTH).toBe(7);
    expect(set.KGX_RATE_WRITES_PER_MINUTE).toBe(0);
  });

  it('turns production mode on with NODE_ENV=production or KGX_PRODUCTION', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).production).toBe(true);
    expect(loadConfig({ KGX_PRODUCTION: 'true' }).production).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).production).toBe(false);
  });

  it('answers to HOST too when it is a specific address', () => {
    expect(loadConfig({ HOST: '10.1.2.3' }).KGX_ALLOWED_HOSTS).toContain('10.1.2.3');
    expect(loadConfig({ HOST: '0.0.0.0' }).KGX_ALLOWED_HOSTS).toEqual(['localhost', '127.0.0.1', '::1']);
  });

  it('refuses an origin that is not scheme://host[:port] and a timeout below 100 ms', () => {
    expect(() => loadConfig({ KGX_ALLOWED_ORIGINS: '*' })).toThrow(/KGX_ALLOWED_ORIGINS/);
    expect(() => loadConfig({ KGX_REQUEST_TIMEOUT_MS: '5' })).toThrow(/KGX_REQUEST_TIMEOUT_MS/);
  });
});
