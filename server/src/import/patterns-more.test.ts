import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import { Gazetteer } from './gazetteer.js';
import type { ExtractionResult } from './types.js';

// Sentences written for these tests in the shapes Norwegian news uses; none is taken from an evaluated article.
const gazetteer = new Gazetteer([{ entityId: 'org:helse-vest-ikt', kind: 'ORGANISATION', name: 'Helse Vest IKT', aliases: [] }]);

function run(text: string, publishedAt?: string): ExtractionResult {
  return extract(text, { gazetteer, publishedAt });
}

function roles(result: ExtractionResult): string[] {
  return result.proposals
    .filter((proposal) => proposal.type === 'ROLE_AT')
    .map((proposal) => `${proposal.from?.name} | ${proposal.title} | ${proposal.to?.name}${proposal.validTo ? ` (to ${proposal.validTo})` : ''}`)
    .sort();
}

function entities(result: ExtractionResult, kind: string): string[] {
  return result.proposals.filter((proposal) => proposal.entityKind === kind).map((proposal) => proposal.name ?? '').sort();
}

describe('extract: more shapes of Norwegian news writing', () => {
  it('verb before subject after an adverbial: "Før det var X rådmann i Y"', () => {
    expect(roles(run('Før det var Siri Lunde rådmann i Askøy kommune.', '2020'))).toEqual(['Siri Lunde | rådmann | Askøy kommune']);
  });

  it('"X, som kom til Y som T" and "Y sin T X, T2 Z"', () => {
    const result = run('Ola Rønning, som kom til Helse Fonna som fagdirektør i fjor, er fornøyd. Det bekrefter Helse Fonna sin styreleder Kari Moe, nestleder Per Aas.');
    expect(roles(result)).toEqual([
      'Kari Moe | styreleder | Helse Fonna',
      'Ola Rønning | fagdirektør | Helse Fonna',
      'Per Aas | nestleder | Helse Fonna',
    ]);
  });

  it('a post at a lower-case unit of a named organisation, and a party in brackets', () => {
    const result = run('Eva Tangen er overlege ved medisinsk avdeling på Haukeland universitetssykehus. Det mener stortingsrepresentant Ola Fjell (Sp).');
    expect(roles(result)).toEqual(['Eva Tangen | overlege | Haukeland universitetssykehus', 'Ola Fjell | stortingsrepresentant | Sp']);
  });

  it('posts listed under a heading that names the board', () => {
    const text = 'Dette er de nye styremedlemmene i Sykehuset Telemark HF:\n\n  • Leder Anne Dahl\n  • Nestleder i styret Per Berg\n  • Styremedlemmer: Liv Holm, Ola Lie og Kari Å. Strand';
    expect(roles(run(text))).toEqual([
      'Anne Dahl | leder | Sykehuset Telemark HF',
      'Kari Å. Strand | styremedlem | Sykehuset Telemark HF',
      'Liv Holm | styremedlem | Sykehuset Telemark HF',
      'Ola Lie | styremedlem | Sykehuset Telemark HF',
      'Per Berg | nestleder i styret | Sykehuset Telemark HF',
    ]);
  });

  it('one person\'s posts listed on, each ended when the sentence says so', () => {
    const text = 'Jon Vik er ansatt som sjef. Tidligere arbeidet han som direktør i Statens vegvesen, rådgiver og controller i Finansdepartementet og konsulent i Acme AS.';
    expect(roles(run(text, '2019-04'))).toEqual([
      'Jon Vik | controller | Finansdepartementet (to 2019-04)',
      'Jon Vik | direktør | Statens vegvesen (to 2019-04)',
      'Jon Vik | konsulent | Acme AS (to 2019-04)',
      'Jon Vik | rådgiver | Finansdepartementet (to 2019-04)',
    ]);
  });

  it('the organisation written into the title: "Hemit-direktør X", "tidligere UNN-sjefen Y"', () => {
    expect(roles(run('Det sier Hemit-direktør Ola Bakke. Tidligere NHN-sjefen Kari Lien er enig.', '2022'))).toEqual([
      'Kari Lien | sjef | NHN (to 2022)',
      'Ola Bakke | direktør | Hemit',
    ]);
  });

  it('company nouns mark vendors and are not part of the name; county names keep their "og"', () => {
    const result = run('IT-selskapet Nordsys ASA leverer til Helse Møre og Romsdal. Bergen-selskapet Medsoft AS er også med.');
    expect(entities(result, 'VENDOR')).toEqual(['Nordsys ASA']);
    expect(entities(result, 'ORGANISATION')).toEqual(['Helse Møre og Romsdal', 'Medsoft AS']);
  });

  it('drops the genitive -s of an organisation the text also names without it', () => {
    const result = run('Helse Vest IKTs nye plan er klar. Helse Nords plan kommer. Helse Nord venter.');
    expect(entities(result, 'ORGANISATION')).toEqual(['Helse Nord']);
    expect(result.mentions.map((mention) => mention.quote)).toEqual(['Helse Vest IKTs']);
  });
});
