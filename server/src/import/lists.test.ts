import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import { Gazetteer } from './gazetteer.js';
import { entityNames as entities, roleLines as roles } from './test-lines.js';
import type { ExtractionResult } from './types.js';

// Lists of people in board news and "T i Y X", in sentences written for these tests (invented people and
// organisations); none is taken from an evaluated article.
const gazetteer = new Gazetteer([]);

function run(text: string, publishedAt?: string): ExtractionResult {
  return extract(text, { gazetteer, publishedAt });
}

describe('board lists without a cue per name', () => {
  it('"Andre styremedlemmer er: A, B (Ap) og C (V)": every name of the list, parties in brackets skipped', () => {
    const result = run('Nytt styre i Helse Austvik\n\nAndre styremedlemmer er: Kari Lund, Ola Berg (Ap) og Siri Ness (V).');
    expect(roles(result)).toEqual([
      'Kari Lund | styremedlem | Helse Austvik',
      'Ola Berg | styremedlem | Helse Austvik',
      'Siri Ness | styremedlem | Helse Austvik',
    ]);
  });

  it('Nynorsk "Dei andre styremedlemane er A og B"', () => {
    const result = run('Nytt styre i Helse Vestvik\n\nDei andre styremedlemane er Gunn Hole og Arne Vik.');
    expect(roles(result)).toEqual(['Arne Vik | styremedlem | Helse Vestvik', 'Gunn Hole | styremedlem | Helse Vestvik']);
  });

  it('a plural definite board title before a list: "i tillegg til dei tre tilsetterepresentantane A, B og C"', () => {
    const result = run('Nytt styre i Helse Nordvik\n\nLars Haug held fram som nestleiar, i tillegg til dei tre tilsetterepresentantane Anne Moe, Per Rud og Eva Dahl.');
    expect(roles(result)).toEqual([
      'Anne Moe | tilsetterepresentant | Helse Nordvik',
      'Eva Dahl | tilsetterepresentant | Helse Nordvik',
      'Lars Haug | nestleiar | Helse Nordvik',
      'Per Rud | tilsetterepresentant | Helse Nordvik',
    ]);
  });

  it('a plural title that is not a board title does not make board posts ("lederne A og B")', () => {
    const result = run('Nytt styre i Helse Nordvik\n\nMøtet samlet avdelingslederne Anne Moe og Per Rud.');
    expect(roles(result)).toEqual([]);
  });

  it('coordinated subjects of "held fram som": "A og B held fram som styremedlemer i tillegg til ..."', () => {
    const result = run('Nytt styre i Helse Sørvik\n\nKnut Lie og Helge Rud held fram som styremedlemer i tillegg til to nye.');
    expect(roles(result)).toEqual(['Helge Rud | styremedlem | Helse Sørvik', 'Knut Lie | styremedlem | Helse Sørvik']);
  });

  it('members who leave: "A, B og C er ute." in news about a board, ended at the publication date', () => {
    const result = run('Styret i Helse Fjellvik blir mindre.\n\nKari Lund, Ola Berg og Siri Ness er ute.', '2025-01-10');
    expect(roles(result)).toEqual([
      'Kari Lund | styremedlem | Helse Fjellvik (to 2025-01-10)',
      'Ola Berg | styremedlem | Helse Fjellvik (to 2025-01-10)',
      'Siri Ness | styremedlem | Helse Fjellvik (to 2025-01-10)',
    ]);
  });

  it('"er ute" without a board in the text is no post', () => {
    const result = run('Helse Fjellvik har fått ny leverandør.\n\nKari Lund og Ola Berg er ute på tur.');
    expect(roles(result)).toEqual([]);
  });
});

describe('title, organisation, then the name', () => {
  it('"Administrerende direktør i Norsk Dataverk Johan Lie gleder seg": the run split where the person begins', () => {
    const result = run('Administrerende direktør i Norsk Dataverk Johan Lie gleder seg til oppdraget.');
    expect(roles(result)).toEqual(['Johan Lie | administrerende direktør | Norsk Dataverk']);
    expect(entities(result, 'ORGANISATION')).toEqual(['Norsk Dataverk']);
  });

  it('a run without a known first name at its tail is left unread', () => {
    const result = run('Direktør i Norsk Dataverk Zyxen Lie gleder seg.');
    expect(roles(result)).toEqual([]);
  });
});

describe('appointments of several people and offices listed as "verv"', () => {
  it('"Styret utnevnte samtidig A, B og C som nye styremedlemmer for Y": each person, the named organisation', () => {
    const result = run('Styret i Helse Austvik utnevnte samtidig Ola Berg, Kari Lund og Siri Ness som nye styremedlemmer for Nordvik sykehus.');
    expect(roles(result)).toEqual([
      'Kari Lund | styremedlem | Nordvik sykehus',
      'Ola Berg | styremedlem | Nordvik sykehus',
      'Siri Ness | styremedlem | Nordvik sykehus',
    ]);
  });

  it('"Hun har også hatt flere styrelederverv, blant annet i A og B": one post per organisation', () => {
    const result = run('Eva Moe er lege.\n\nHun har også hatt flere styrelederverv, blant annet i Helse Fonna og Sørvik universitetssykehus.');
    expect(roles(result)).toEqual(['Eva Moe | styreleder | Helse Fonna', 'Eva Moe | styreleder | Sørvik universitetssykehus']);
  });

  it('a pronoun with two possible people leaves the offices unattributed', () => {
    const result = run('Eva Moe og Kari Lund er leger. Hun har hatt flere styrelederverv, blant annet i Helse Fonna.');
    expect(roles(result)).toEqual([]);
  });
});

describe('ministers and their ministries', () => {
  it('"helse- og omsorgsminister X" heads "Helse- og omsorgsdepartementet" when the text names it', () => {
    const result = run('Pressemeldinga kom frå Helse- og omsorgsdepartementet.\n\n– Vi er glade, sier helse- og omsorgsminister Kari Lund.');
    expect(roles(result)).toEqual(['Kari Lund | helse- og omsorgsminister | Helse- og omsorgsdepartementet']);
  });

  it('no post when the ministry is not named, or named only in a photo credit', () => {
    expect(roles(run('– Vi er glade, sier finansminister Ola Berg.'))).toEqual([]);
    expect(roles(run('Finansminister Ola Berg er glad. Foto: Finansdepartementet'))).toEqual([]);
  });
});
