import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import { Gazetteer } from './gazetteer.js';
import { roleLines as roles } from './test-lines.js';
import type { ExtractionResult } from './types.js';

// Posts stated across clauses, in sentences written for these tests (invented people and organisations).
const gazetteer = new Gazetteer([]);

function run(text: string, publishedAt?: string): ExtractionResult {
  return extract(text, { gazetteer, publishedAt });
}

describe('a second verb phrase sharing the subject', () => {
  it('"X har lang erfaring, og var T for Y": a post held before', () => {
    expect(roles(run('Per Dahl har lang erfaring, og var direktør for Helse Sørvik i perioden 2006-2015.', '2024-03'))).toEqual([
      'Per Dahl | direktør | Helse Sørvik (to 2024-03)',
    ]);
  });

  it('"X er lege og kommer fra stillingen som T for <Unit> ved Y": the named unit is skipped', () => {
    const result = run('Kari Lund er lege og kommer fra stillingen som klinikkleder for Barne- og ungdomsklinikken ved Nordvik sykehus.', '2024-03');
    expect(roles(result)).toEqual(['Kari Lund | klinikkleder | Nordvik sykehus (to 2024-03)']);
  });

  it('a subject that does not open the sentence, or a capitalised word between, gives no post', () => {
    expect(roles(run('Styret sier at Eva Moe er flink og var sjef i Helse Vestvik.'))).toEqual([]);
    expect(roles(run('Eva Moe møtte Ola Lie og var sjef i Helse Vestvik.'))).toEqual([]);
  });
});

describe('"samme sted"', () => {
  it('the place of the post the text gave that person last', () => {
    const result = run('Kari Lund kommer fra jobben som klinikkleder ved Nordvik sykehus. Lund har også vært viseadministrerende direktør samme sted.', '2024-03');
    expect(roles(result)).toEqual([
      'Kari Lund | klinikkleder | Nordvik sykehus (to 2024-03)',
      'Kari Lund | viseadministrerende direktør | Nordvik sykehus (to 2024-03)',
    ]);
  });

  it('without an earlier post of that person, "samme sted" places nothing', () => {
    const result = run('Ola Berg er direktør i Helse Austvik. Kari Lund har også vært direktør samme sted.');
    expect(roles(result)).toEqual(['Ola Berg | direktør | Helse Austvik']);
  });
});

describe('appointments with a time between auxiliary and verb', () => {
  it('"Styret i Y har 7. september ansatt X som T i det regionale helseforetaket"', () => {
    const result = run('Styret i Helse Austvik RHF har 7. september ansatt Kari Lund som administrerende direktør i det regionale helseforetaket.');
    expect(roles(result)).toEqual(['Kari Lund | administrerende direktør | Helse Austvik RHF']);
  });
});
