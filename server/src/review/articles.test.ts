import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intake } from '../import/index.js';
import { readArticle } from './articles.js';

describe('reading article files for the import command', () => {
  it('takes title, date, source, language and id from the .meta.yaml beside the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kgx-articles-'));
    await writeFile(path.join(dir, 'note.md'), '# Overskrift\n\nHelse Vest IKT har ansatt Kari Nordmann.\n');
    await writeFile(path.join(dir, 'note.meta.yaml'), 'id: doc:note\ntitle: Notat\npublishedAt: "2026-03"\nsource: https://example.org/n\nlanguage: nn\n');
    const article = await readArticle(path.join(dir, 'note.md'));
    expect(article).toMatchObject({ id: 'doc:note', title: 'Notat', publishedAt: '2026-03', source: 'https://example.org/n', language: 'nn', format: 'markdown' });
  });

  it('without metadata the title is the first line, and the bytes go to the intake undecoded (a Latin-1 file is refused there)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kgx-articles-'));
    await writeFile(path.join(dir, 'plain.txt'), '\n  Ny direktør\nHelse Vest IKT har ansatt Kari Nordmann.\n');
    const plain = await readArticle(path.join(dir, 'plain.txt'));
    expect(plain).toMatchObject({ id: null, title: 'Ny direktør', publishedAt: null, format: 'text' });
    await writeFile(path.join(dir, 'latin1.txt'), Buffer.from('Tittel\nNy direktør i Helse Vest IKT.', 'latin1'));
    const latin1 = await readArticle(path.join(dir, 'latin1.txt'));
    expect(() => intake({ title: latin1.title, body: latin1.text })).toThrow(/not valid UTF-8/);
  });
});
