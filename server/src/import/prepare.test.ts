import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Gazetteer } from './gazetteer.js';
import { IntakeError } from './intake.js';
import { entityKey } from './keys.js';
import { prepareImport } from './prepare.js';

const gazetteer = new Gazetteer([{ entityId: 'org:sykehuspartner', kind: 'ORGANISATION', name: 'Sykehuspartner', aliases: [] }]);
const ARTICLES = fileURLToPath(new URL('../../../seeds/articles/', import.meta.url));

describe('prepareImport', () => {
  it('reduces, hashes and extracts, dating proposals by the document', () => {
    const prepared = prepareImport(
      { title: 'Ny sjef', text: '<h1>Ny sjef</h1><p>Kari Lie, direktør i Sykehuspartner, er glad.</p>', publishedAt: '2021-06', source: ' https://x.no/a ', language: 'nb' },
      gazetteer,
    );
    expect(prepared.document).toMatchObject({ title: 'Ny sjef', text: 'Ny sjef\n\nKari Lie, direktør i Sykehuspartner, er glad.', publishedAt: '2021-06', source: 'https://x.no/a', language: 'nb' });
    expect(prepared.result.mentions.map((mention) => mention.entityId)).toEqual(['org:sykehuspartner']);
    expect(prepared.result.proposals.every((proposal) => proposal.publishedAt === '2021-06')).toBe(true);
  });

  it('gives the same hash and keys when the same text is imported again', () => {
    const first = prepareImport({ title: 't', text: 'Kari Lie, direktør i Sykehuspartner.\r\n' }, gazetteer);
    const again = prepareImport({ title: 't', text: 'Kari Lie, direktør i Sykehuspartner.\n' }, gazetteer);
    expect(again.document.contentHash).toBe(first.document.contentHash);
    expect(again.result.proposals.map((proposal) => proposal.key)).toEqual(first.result.proposals.map((proposal) => proposal.key));
  });

  it('refuses a date or language in the wrong form before extracting anything', () => {
    expect(() => prepareImport({ title: 't', text: 'Tekst.', publishedAt: '14.05.2019' }, gazetteer)).toThrow(IntakeError);
    expect(() => prepareImport({ title: 't', text: 'Tekst.', publishedAt: '2019-13' }, gazetteer)).toThrow(/ISO 8601/);
    expect(() => prepareImport({ title: 't', text: 'Tekst.', language: 'norsk' }, gazetteer)).toThrow(/language tag/);
    expect(prepareImport({ title: 't', text: 'Tekst.', publishedAt: '', language: ' ' }, gazetteer).document).toMatchObject({ publishedAt: null, language: null });
  });

  it('never proposes a relationship whose new end is not itself proposed (the six sample articles)', () => {
    const files = readdirSync(ARTICLES).filter((name) => name.endsWith('.txt'));
    expect(files.length).toBe(6);
    let relationships = 0;
    for (const file of files) {
      const text = readFileSync(`${ARTICLES}${file}`, 'utf8');
      const { result } = prepareImport({ title: file, text }, gazetteer);
      const proposed = new Set(result.proposals.filter((proposal) => proposal.kind === 'ENTITY').map((proposal) => proposal.key));
      expect(result.proposals.length).toBeGreaterThan(0);
      for (const proposal of result.proposals) {
        if (proposal.kind !== 'RELATIONSHIP') continue;
        relationships += 1;
        for (const end of [proposal.from, proposal.to]) {
          expect(end).toBeDefined();
          if (end && !end.entityId) {
            expect(['ORGANISATION', 'PERSON', 'PROGRAMME'].some((kind) => proposed.has(entityKey(kind, end.name)))).toBe(true);
          }
        }
      }
    }
    expect(relationships).toBeGreaterThan(5);
    // The first texts of a process compile the patterns (seconds on a loaded shared machine): a correctness
    // test, so it gets room; eval:import measures the time per article after warm-up.
  }, 30_000);
});
