import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testDatabase } from '../../test/harness.js';

// `npm run import` on article files, as a child process against the run's Neo4j (NEO4J_URI set, so it starts none).
const REPO = path.resolve(import.meta.dirname, '../../..');
const ARTICLE = path.join(REPO, 'seeds/articles/telemed-norsk-helsenett-ny-direktor');
const RUN = randomUUID().slice(0, 8);
const DOC = `doc:cli-telemed-${RUN}`;
const db = testDatabase();

afterAll(async () => {
  await db.write(async (tx) => {
    // Only what the import created: an accepted proposal may also have added a quote to a seed entity.
    await tx.run("MATCH ()-[r]->() WHERE r.createdBy = 'import:' + $doc DELETE r", { doc: DOC });
    await tx.run("MATCH (p:Proposal {documentId: $doc}) WHERE p.writtenId IS NOT NULL MATCH (n:Entity {id: p.writtenId}) WHERE n.createdBy = 'import:' + $doc DETACH DELETE n", { doc: DOC });
    for (const label of ['Proposal', 'Mention', 'Evidence']) await tx.run(`MATCH (n:${label} {documentId: $doc}) DELETE n`, { doc: DOC });
    await tx.run('MATCH (d:Document {id: $doc}) DELETE d', { doc: DOC });
    await tx.run('MATCH (n:Entity) WHERE n.degree IS NOT NULL SET n.degree = COUNT { (n)--() }');
  });
  await db.close();
});

async function runImport(...args: string[]): Promise<{ code: number; output: string }> {
  const { uri, username, password, database } = inject('neo4j');
  const env = { ...process.env, NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, ...(database ? { NEO4J_DATABASE: database } : {}), KGX_LOG_LEVEL: 'silent' };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/src/bundle/cli.ts', ...args], { cwd: REPO, env, timeout: 120_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('npm run import on articles', () => {
  it('imports a folder of articles with their metadata, prints counts, refuses a Latin-1 file, accepts above a confidence, and a second run is a no-op', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kgx-cli-articles-'));
    await copyFile(`${ARTICLE}.txt`, path.join(dir, 'telemed.txt'));
    const meta = (await readFile(`${ARTICLE}.meta.yaml`, 'utf8')).replace(/^id: .*$/m, `id: ${DOC}`).replace(/^file: .*$/m, 'file: telemed.txt');
    await writeFile(path.join(dir, 'telemed.meta.yaml'), meta);
    await writeFile(path.join(dir, 'latin1.txt'), Buffer.from('Overskrift\nHelse Vest IKT har ansatt Kari Nordmann som ny direktør.', 'latin1'));

    const first = await runImport('--accept-above', '0.9', dir);
    expect(first.code, first.output).toBe(1);
    expect(first.output).toMatch(/latin1\.txt: refused, nothing written: .*UTF-8/);
    expect(first.output).not.toMatch(/meta\.yaml/);
    const counts = new RegExp(`${DOC}: (\\d+) mentions, (\\d+) proposals, (\\d+) accepted \\(confidence >= 0.9\\)`).exec(first.output);
    expect(counts, first.output).not.toBeNull();
    expect(Number(counts![2])).toBeGreaterThan(0);
    const accepted = await db.read((tx) => tx.run("MATCH (p:Proposal {documentId: $doc}) WHERE p.status = 'ACCEPTED' RETURN count(p) AS n", { doc: DOC }));
    expect(Number(accepted.records[0]?.get('n'))).toBe(Number(counts![3]));

    const second = await runImport(path.join(dir, 'telemed.txt'));
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain(`unchanged (same text imported before as ${DOC})`);
  });
});
