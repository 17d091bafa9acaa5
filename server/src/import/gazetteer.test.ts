import { describe, expect, it } from 'vitest';
import { Gazetteer, nameKey } from './gazetteer.js';
import type { GazetteerEntry } from './types.js';

const ENTRIES: GazetteerEntry[] = [
  { entityId: 'org:sykehuspartner', kind: 'ORGANISATION', name: 'Sykehuspartner', aliases: ['Sykehuspartner HF'] },
  { entityId: 'org:helse-midt-norge', kind: 'ORGANISATION', name: 'Helse Midt-Norge', aliases: ['Helse Midt-Norge RHF'] },
  { entityId: 'org:helse-midt-norge-it', kind: 'ORGANISATION', name: 'Helse Midt-Norge IT', aliases: ['Helse Midt-IT'] },
  { entityId: 'programme:helseplattformen', kind: 'PROGRAMME', name: 'Helseplattformen', aliases: [] },
  { entityId: 'product:lab', kind: 'PRODUCT', name: 'Lab', aliases: [] },
  { entityId: 'person:gro-jaere', kind: 'PERSON', name: 'Gro Jære', aliases: [] },
];

function found(text: string, gazetteer = new Gazetteer(ENTRIES)): string[] {
  return gazetteer.findMentions(text).map((mention) => `${mention.entityId}=${mention.quote}`);
}

describe('Gazetteer', () => {
  it('finds names with offsets that slice to the quote, in UTF-16 units', () => {
    const text = '😀 Møte: Gro\u00a0Jære og Sykehuspartner.';
    const mentions = new Gazetteer(ENTRIES).findMentions(text);
    expect(mentions.map((mention) => mention.entityId)).toEqual(['person:gro-jaere', 'org:sykehuspartner']);
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.quote);
    expect(mentions[0]?.start).toBe(9);
  });

  it('takes the genitive -s', () => {
    expect(found('Sykehuspartners direktør og Helse Midt-Norges styre')).toEqual([
      'org:sykehuspartner=Sykehuspartners',
      'org:helse-midt-norge=Helse Midt-Norges',
    ]);
  });

  it('takes definite and Nynorsk forms', () => {
    expect(found('Helseplattforma i Helse Midt-Noreg')).toEqual([
      'programme:helseplattformen=Helseplattforma',
      'org:helse-midt-norge=Helse Midt-Noreg',
    ]);
    expect(found('Helseplattformas framdrift')).toEqual(['programme:helseplattformen=Helseplattformas']);
  });

  it('treats hyphens, dashes and spaces inside names alike, and ignores case', () => {
    expect(found('helse midt norge og HELSE MIDT–NORGE')).toEqual([
      'org:helse-midt-norge=helse midt norge',
      'org:helse-midt-norge=HELSE MIDT–NORGE',
    ]);
  });

  it('includes a legal-form suffix for organisations, and refuses it for other kinds', () => {
    expect(found('Sykehuspartner HF og Helse Midt-Norge RHF')).toEqual([
      'org:sykehuspartner=Sykehuspartner HF',
      'org:helse-midt-norge=Helse Midt-Norge RHF',
    ]);
    // "Helseplattformen AS" is the company, not the programme of that name.
    expect(found('Helseplattformen AS er stiftet. Helseplattformen er i gang.')).toEqual(['programme:helseplattformen=Helseplattformen']);
    // Lower-case "as" is a word, not a suffix.
    expect(found('Sykehuspartner as well')).toEqual(['org:sykehuspartner=Sykehuspartner']);
  });

  it('prefers the longest name and never a shorter one inside it', () => {
    expect(found('Helse Midt-Norge IT og Helse Midt-Norge')).toEqual([
      'org:helse-midt-norge-it=Helse Midt-Norge IT',
      'org:helse-midt-norge=Helse Midt-Norge',
    ]);
  });

  it('does not join words across punctuation or line breaks', () => {
    expect(found('Helse Midt-Norge. IT er viktig')).toEqual(['org:helse-midt-norge=Helse Midt-Norge']);
    expect(found('Gro\nJære')).toEqual([]);
  });

  it('matches one-word names only when capitalised, so prose is not taken for them', () => {
    expect(found('på lab i dag, og i Lab')).toEqual(['product:lab=Lab']);
  });

  it('gives one key to spellings it treats as the same name', () => {
    expect(nameKey('Helse Midt-Noreg RHF')).toBe(nameKey('helse midt norge'));
    expect(nameKey('Helse Sør-Øst')).toBe('helse sor ost');
    expect(nameKey('Helse Nord')).not.toBe(nameKey('Helse Nord IKT'));
  });

  // Correctness only; the time per article with 100k names is what `npm run eval:import` prints.
  it('stays correct with 100 000 names', { timeout: 60_000 }, () => {
    const entries: GazetteerEntry[] = [...ENTRIES];
    for (let index = 0; index < 100_000; index += 1) {
      entries.push({ entityId: `org:x${index}`, kind: 'ORGANISATION', name: `Firma ${index} Helse`, aliases: [`F${index} AS`] });
    }
    const gazetteer = new Gazetteer(entries);
    const seedNames = ENTRIES.reduce((count, entry) => count + 1 + entry.aliases.length, 0);
    expect(gazetteer.size).toBe(seedNames + 200_000);
    const text = 'Firma 99999 Helse leverer til Sykehuspartners avdeling, med F42 AS og Firma 7 og Helseplattforma.';
    expect(found(text, gazetteer)).toEqual([
      'org:x99999=Firma 99999 Helse',
      'org:sykehuspartner=Sykehuspartners',
      'org:x42=F42 AS',
      'programme:helseplattformen=Helseplattforma',
    ]);
  });
});
