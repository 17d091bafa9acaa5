import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import { Gazetteer } from './gazetteer.js';
import { entityNames as entities, roleLines as roles } from './test-lines.js';
import type { ExtractionResult } from './types.js';

// Sentences written for these tests in the shapes Norwegian news uses; none is taken from an evaluated article.
const gazetteer = new Gazetteer([{ entityId: 'org:helse-vest-ikt', kind: 'ORGANISATION', name: 'Helse Vest IKT', aliases: [] }]);

function run(text: string, publishedAt?: string): ExtractionResult {
  return extract(text, { gazetteer, publishedAt });
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

  it('institutions named by a noun and their field, and appointments "til ny T ved Y"', () => {
    const result = run('Kari Nes er av departementet oppnevnt til ny styreleder ved Nasjonalt senter for samhandling. Hun kom fra Direktoratet for e-helse.');
    expect(roles(result)).toEqual(['Kari Nes | styreleder | Nasjonalt senter for samhandling']);
    expect(entities(result, 'ORGANISATION')).toEqual(['Direktoratet for e-helse', 'Nasjonalt senter for samhandling']);
  });

  it('an adverb between verb and post: "X er i dag direktør i Y"', () => {
    expect(roles(run('Per Holt er i dag direktør i Nordic Health AS.'))).toEqual(['Per Holt | direktør | Nordic Health AS']);
  });

  it('a fact box: "Det nye styret for Y:" with posts in brackets and names alone on their lines', () => {
    const text = 'Fakta: Det nye styret for Helse Nord RHF: Ola Dahl (styreleder) (ny)\n\nLiv Berg (nestleder)\n\nPer Aas\n\nKari Å. Lunde (ny)';
    expect(roles(run(text))).toEqual([
      'Kari Å. Lunde | styremedlem | Helse Nord RHF',
      'Liv Berg | nestleder | Helse Nord RHF',
      'Ola Dahl | styreleder | Helse Nord RHF',
      'Per Aas | styremedlem | Helse Nord RHF',
    ]);
  });

  it('a name alone on a line without a board heading before it is no board seat', () => {
    expect(roles(run('Helse Nord RHF har ny strategi.\n\nPer Aas\n\nFoto: Kari Lie'))).toEqual([]);
  });
});
