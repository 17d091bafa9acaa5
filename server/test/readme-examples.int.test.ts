import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, startTestServer } from './harness.js';

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

describe('the README examples', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    server = await startTestServer({ writeTokens: [{ name: 'readme', token: TOKEN }] });
    env = { ...process.env, KGX: `${server.url}/graphql`, KGX_WRITE_TOKEN: TOKEN };
  });

  afterAll(async () => {
    // The examples write Kari Nordmann (and merge K. Nordmann into her) into the note document.
    await removeTestData(server.db, 'nordmann');
    await removeTestData(server.db, 'example-note');
    await server.close();
  });

  it('curl searches', async () => {
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', example('curl-search')], { env });
    expect(JSON.parse(stdout).data.search[0].entity).toEqual({ id: 'person:gro-jaere', name: 'Gro Jære', kind: 'PERSON' });
  });

  it('curl lists the first quotes of a document with what each is about', async () => {
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', example('curl-mentions')], { env });
    const { mentions } = JSON.parse(stdout).data.document as { mentions: { totalCount: number; edges: { node: { quote: string; entity: unknown; relationship: unknown } }[] } };
    expect(mentions.edges).toHaveLength(3);
    expect(mentions.totalCount).toBeGreaterThan(3);
    for (const { node } of mentions.edges) expect(node.quote.length > 0 && (node.entity !== null || node.relationship !== null)).toBe(true);
  });

  it('Node previews a hub and expands it along one type', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', example('node-expand')], { env });
    expect(stdout).toContain('1 × ROLE_AT INCOMING PERSON');
    expect(stdout.trim().split('\n').at(-1)).toBe('Gro Jære, Sykehuspartner');
  });

  it('Python finds a path, pages through every entity and asks a dated question', async () => {
    const { stdout } = await run('python3', ['-c', example('python-read')], { env });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Gro Jære -> .* -> Epic$/);
    expect(lines[1]).toMatch(/^True \d+$/);
    expect(lines[2]).toBe('Gro Jære - administrerende direktør');
  });

  it('curl exports a neighbourhood as GraphML with as many nodes as the neighbourhood has', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kgx-readme-'));
    try {
      const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', example('curl-export')], { env, cwd });
      const graphml = readFileSync(join(cwd, 'sykehuspartner.graphml'), 'utf8');
      expect(graphml).toContain('Sykehuspartner');
      const reply = (await (
        await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ neighbourhood(ids: ["org:sykehuspartner"], depth: 1) { nodes { id } } }' }),
        })
      ).json()) as { data: { neighbourhood: { nodes: unknown[] } } };
      expect(Number(stdout.trim())).toBe(reply.data.neighbourhood.nodes.length);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
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
