import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './harness.js';

// The README's worked examples, run as written (only the endpoint and token come from the environment, as the
// README says) against the test server, in the README's order.
const run = promisify(execFile);
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const TOKEN = 'readme-example-token-0123456789';

function example(name: string): string {
  const match = new RegExp(`<!-- example: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\``).exec(README);
  if (!match) throw new Error(`README has no example "${name}"`);
  return match[1]!;
}

describe('the README write examples', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    server = await startTestServer({ writeTokens: [{ name: 'readme', token: TOKEN }] });
    env = { ...process.env, KGX: `${server.url}/graphql`, KGX_WRITE_TOKEN: TOKEN };
  });

  afterAll(async () => {
    await server.db.write((tx) => tx.run("MATCH (n:Entity) WHERE n.id IN ['person:kari-nordmann', 'person:k-nordmann'] DETACH DELETE n"));
    await server.db.write((tx) => tx.run("MATCH (e:Evidence {documentId: 'doc:example-note'}) DELETE e"));
    await server.db.write((tx) => tx.run("MATCH (t:Tombstone) WHERE t.id STARTS WITH 'person:k-nordmann' OR t.id CONTAINS 'k-nordmann' DELETE t"));
    await server.db.write((tx) => tx.run("MATCH (d:Document {id: 'doc:example-note'}) DELETE d"));
    await server.db.write((tx) =>
      tx.run("MATCH (n:Entity) WHERE n.id IN ['org:helse-vest-ikt', 'org:helse-nord-ikt'] SET n.degree = COUNT { (n)--() }"),
    );
    await server.close();
  });

  it('curl stores the note and the person, with the quote located', async () => {
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', example('curl')], { env });
    const [document, entity] = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(document.data.upsertDocument.id).toBe('doc:example-note');
    expect(entity.data.upsertEntity).toEqual({
      id: 'person:kari-nordmann',
      name: 'Kari Nordmann',
      evidence: [{ quote: 'Kari Nordmann er ny direktør i Helse Vest IKT.', start: 0, end: 46 }],
    });
  });

  it('Node writes the role and reads the names at both ends', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', example('node')], { env });
    expect(stdout).toContain("from: { name: 'Kari Nordmann' }");
    expect(stdout).toContain("to: { name: 'Helse Vest IKT' }");
  });

  it('Python imports a bundle, merges the duplicate, and the old id resolves', async () => {
    const { stdout } = await run('python3', ['-c', example('python')], { env });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe("{'entities': {'created': 1, 'updated': 0, 'unchanged': 0}}");
    expect(lines[1]).toContain("'aliases': ['K. Nordmann']");
    expect(lines[1]).toContain("'degree': 2");
    expect(lines[2]).toBe("{'id': 'person:kari-nordmann', 'name': 'Kari Nordmann'}");
  });
});
