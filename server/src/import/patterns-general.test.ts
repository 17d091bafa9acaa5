import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import { Gazetteer } from './gazetteer.js';
import { entityNames as entities, roleLines as roles } from './test-lines.js';
import type { ExtractionResult } from './types.js';

// Shapes of Norwegian news writing, each in sentences written for these tests (invented people and
// organisations); none is taken from an evaluated article, real or synthetic.
const gazetteer = new Gazetteer([]);

function run(text: string, publishedAt?: string): ExtractionResult {
  return extract(text, { gazetteer, publishedAt });
}

describe('posts: coordination and ellipsis', () => {
  it('gapping: "X er ny T i A, Y i B og Z i C" gives each person the title with their own organisation', () => {
    const result = run('Eva Lie er ny styreleder i Helse Fonna, Tor Bakke i Helse Stavanger og Siri Ness i Helse Dalane.');
    expect(roles(result)).toEqual([
      'Eva Lie | styreleder | Helse Fonna',
      'Siri Ness | styreleder | Helse Dalane',
      'Tor Bakke | styreleder | Helse Stavanger',
    ]);
  });

  it('a title that is the predicate of an earlier subject does not introduce the name after the comma', () => {
    const result = run('Eva Lie er ny styreleder i Helse Fonna, Tor Bakke i Helse Stavanger.');
    expect(roles(result)).not.toContain('Tor Bakke | styreleder | Helse Fonna');
  });

  it('a name after the comma that opens a clause of its own is not gapped ("..., Y i B er ikke nevnt")', () => {
    const result = run('Styret mener Ola Dahl er ny direktør i Helse Indre, Kari Moe i Helse Ytre er ikke nevnt.');
    expect(roles(result)).toEqual(['Ola Dahl | direktør | Helse Indre']);
  });

  it('"men" after the comma is a contrast, not a list of posts', () => {
    const result = run('Styret mener Ola Dahl er ny direktør i Helse Indre, men Kari Moe i Helse Ytre er uenig.');
    expect(roles(result)).toEqual(['Ola Dahl | direktør | Helse Indre']);
  });

  it('"henholdsvis": the n-th person with the n-th organisation, and nothing when the lists do not pair off', () => {
    const paired = run('Lise Hauge og Odd Brekke fortsetter som styreledere i henholdsvis Sykehuset Nordvik og Helse Fjellvik.');
    expect(roles(paired)).toEqual(['Lise Hauge | styreleder | Sykehuset Nordvik', 'Odd Brekke | styreleder | Helse Fjellvik']);
    const unpaired = run('Lise Hauge og Odd Brekke fortsetter som styreledere i henholdsvis Sykehuset Nordvik, Helse Fjellvik og Helse Sørvik.');
    expect(roles(unpaired)).toEqual([]);
  });
});

describe('posts: appointments, predecessors and boards', () => {
  it('"Y får X som T": the organisation as subject of "får"', () => {
    expect(roles(run('Tilsynet for helsedata får Marte Vold som ny direktør.'))).toEqual(['Marte Vold | direktør | Tilsynet for helsedata']);
  });

  it('the predecessor\'s post, ended, and the successor\'s: "X etterfølger Y i rollen som T i Z"', () => {
    const result = run('Kari Moe etterfølger Nils Aune i rollen som styreleder i Sykehuset Østvik.', '2024-02');
    expect(roles(result)).toEqual(['Kari Moe | styreleder | Sykehuset Østvik', 'Nils Aune | styreleder | Sykehuset Østvik (to 2024-02)']);
  });

  it('Nynorsk "tek over etter Y, som har vore T": the board the text names', () => {
    const result = run('Nytt styre i Helse Vestvik HF\n\nHo tek over etter Per Lid, som har vore styreleiar sidan 2018.', '2024');
    expect(roles(result)).toEqual(['Per Lid | styreleiar | Helse Vestvik HF (to 2024)']);
  });

  it('an apposition with an adverb: "X, som til daglig er T i Y"', () => {
    expect(roles(run('Ny styreleder er Randi Holm, som til daglig er rådmann i Fjellvik kommune.'))).toContain('Randi Holm | rådmann | Fjellvik kommune');
  });

  it('a list after "Nye styremedlemmer er", Bokmål and Nynorsk plurals', () => {
    expect(roles(run('Nytt styre i Helse Sørvik\n\nNye styremedlemmer er Kari Lund og Ola Berg.'))).toEqual([
      'Kari Lund | styremedlem | Helse Sørvik',
      'Ola Berg | styremedlem | Helse Sørvik',
    ]);
    expect(roles(run('Nytt styre i Helse Nordvik\n\nNye styremedlemer er Gunn Hole og Arne Vik.'))).toEqual([
      'Arne Vik | styremedlem | Helse Nordvik',
      'Gunn Hole | styremedlem | Helse Nordvik',
    ]);
  });

  it('"Nestleder i styret blir X, tidligere T i Y": the board post goes to the board, not to Y', () => {
    const result = run('Nytt styre i Helse Austvik\n\nNestleder i styret blir Tor Vang, tidligere fylkesdirektør i Nordvik fylkeskommune.');
    expect(roles(result)).toEqual(['Tor Vang | fylkesdirektør | Nordvik fylkeskommune', 'Tor Vang | nestleder | Helse Austvik']);
  });

  it('"er oppnevnt til nytt styremedlem." without an organisation takes the board named before', () => {
    const result = run('Gro Dahl er oppnevnt til ny styreleder ved Sykehuset Nordvik HF. Per Aas er oppnevnt til nytt styremedlem.');
    expect(roles(result)).toEqual(['Gro Dahl | styreleder | Sykehuset Nordvik HF', 'Per Aas | styremedlem | Sykehuset Nordvik HF']);
  });

  it('a pronoun after the verb in V2 order: "I 2019 ble hun direktør i Y"', () => {
    expect(roles(run('Kari Lund kom til Helse Indre i 2015. I 2019 ble hun direktør i Sykehuset Indre.'))).toEqual(['Kari Lund | direktør | Sykehuset Indre']);
  });

  it('a pronoun that could mean two people gives no post', () => {
    expect(roles(run('Kari Lund og Anne Berg møttes i går. I 2019 ble hun direktør i Sykehuset Indre.'))).toEqual([]);
  });

  it('the organisation in the genitive before the title, only when it is a name', () => {
    expect(roles(run('Hun får støtte fra Fjellviks ordfører, Per Moe. Møtet var i Fjellvik.'))).toEqual(['Per Moe | ordfører | Fjellvik']);
    expect(roles(run('Dagens direktør Paul Hansen er fornøyd.'))).toEqual([]);
  });

  it('a post in a programme named before stays a post in the programme, not a new organisation', () => {
    const result = run('Helse Indre leder programmet for felles kjernesystem (FEKS). Programdirektør i FEKS, Ola Rud, er fornøyd.');
    expect(roles(result)).toEqual(['Ola Rud | programdirektør | FEKS']);
    expect(entities(result, 'ORGANISATION')).not.toContain('FEKS');
  });
});

describe('posts: acronyms, compounds and coordinated titles', () => {
  it('an acronym in brackets after the organisation does not break "Y (ACR) har ansatt X som T"', () => {
    expect(roles(run('Helse Indre (HI) har ansatt Kari Moe som direktør. HI har 300 ansatte.'))).toEqual(['Kari Moe | direktør | Helse Indre']);
  });

  it('a title compounded onto a two-word name: "Helse Indre-direktør Kari Moe"', () => {
    const result = run('Det mener Helse Indre-direktør Kari Moe.');
    expect(roles(result)).toEqual(['Kari Moe | direktør | Helse Indre']);
    expect(entities(result, 'ORGANISATION')).toEqual(['Helse Indre']);
  });

  it('two titles of one person in an apposition: "X, administrerende direktør og styreleder i Y"', () => {
    expect(roles(run('Anne Berg, administrerende direktør og styreleder i Kodeverk AS, er fornøyd.'))).toEqual([
      'Anne Berg | administrerende direktør | Kodeverk AS',
      'Anne Berg | styreleder | Kodeverk AS',
    ]);
  });
});

describe('posts: board news', () => {
  it('"X fortsetter som styreleder og Y som nestleder": the board of the headline', () => {
    const result = run('Nytt styre i Helse Indre\n\nLiv Dahl fortsetter som styreleder og Odd Rud som nestleder.');
    expect(roles(result)).toEqual(['Liv Dahl | styreleder | Helse Indre', 'Odd Rud | nestleder | Helse Indre']);
  });

  it('a list and its plural post after the verb: "A og B er nye styremedlemmer", "A, B og C er ansatterepresentanter"', () => {
    const result = run('Nytt styre i Helse Ytre\n\nEva Lund og Per Moe er nye styremedlemmer. Kari Dahl, Ola Vik og Siri Ness er ansatterepresentanter.');
    expect(roles(result)).toEqual([
      'Eva Lund | styremedlem | Helse Ytre',
      'Kari Dahl | ansatterepresentant | Helse Ytre',
      'Ola Vik | ansatterepresentant | Helse Ytre',
      'Per Moe | styremedlem | Helse Ytre',
      'Siri Ness | ansatterepresentant | Helse Ytre',
    ]);
  });

  it('"Ny styreleiar for dei neste to åra er X" and "X er igjen oppnevnt som styreleder"', () => {
    expect(roles(run('Nytt styre i Helse Vestvik\n\nNy styreleiar for dei neste to åra er Ragna Lie.'))).toEqual(['Ragna Lie | styreleiar | Helse Vestvik']);
    expect(roles(run('Nytt styre i Helse Vestvik\n\nTor Rud er igjen oppnevnt som styreleder.'))).toEqual(['Tor Rud | styreleder | Helse Vestvik']);
  });

  it('a fact-box line "Nestleder: X, økonomidirektør Y": the board post and the person\'s own post', () => {
    const result = run('Nytt styre i Kodeverk AS\n\nNestleder: Anne Dahl, økonomidirektør Helse Indre RHF');
    expect(roles(result)).toEqual(['Anne Dahl | nestleder | Kodeverk AS', 'Anne Dahl | økonomidirektør | Helse Indre RHF']);
  });

  it('the board that appoints is not the board the posts are on', () => {
    const text = 'Kari Moe blir styreleder i helseforetaket Kodeverk.\n\nStyret i Helse Indre har oppnevnt henne.\n\nStyremedlem: Per Lie, fagdirektør Helse Indre';
    expect(roles(run(text))).toEqual(['Kari Moe | styreleder | Kodeverk', 'Per Lie | fagdirektør | Helse Indre', 'Per Lie | styremedlem | Kodeverk']);
  });

  it('a post held before, added with "og har tidligere vært T ved Y"', () => {
    const result = run('Ola Rud er direktør for eierstyring i Helse Indre og har tidligere vært administrerende direktør ved Sykehuset Nordvik.', '2021');
    expect(roles(result)).toEqual(['Ola Rud | administrerende direktør | Sykehuset Nordvik (to 2021)', 'Ola Rud | direktør for eierstyring | Helse Indre']);
  });
});

describe('people and units: precision', () => {
  it('a capitalised title opening the sentence is not part of the name ("Eierdirektør Nils Bø blir ...")', () => {
    const result = run('Eierdirektør Nils Bø blir styreleder i Kodeverk AS.');
    expect(entities(result, 'PERSON')).toEqual(['Nils Bø']);
    expect(roles(result)).toEqual(['Nils Bø | styreleder | Kodeverk AS']);
  });

  it('a name with an unknown first word is left unread rather than cut ("Zyxen Ole Fagernes" is not "Ole Fagernes")', () => {
    expect(entities(run('Styret valgte Kari Moe, Zyxen Ole Fagernes og Per Lie.'), 'PERSON')).toEqual(['Kari Moe', 'Per Lie']);
  });

  it('a faculty or an institute is a unit, not an organisation', () => {
    const result = run('Eva Lie er dekan ved Juridisk fakultet. Per Moe er leder ved Institutt for fysikk.');
    expect(entities(result, 'ORGANISATION')).toEqual([]);
    expect(roles(result)).toEqual([]);
  });

  it('hospitals with a lower-case head, "St.Olavs" without a space, and "Sykehuset i X"', () => {
    const result = run('Han har jobbet både på Nordvik sykehus og Fjellvik universitetssykehus. Hun kom fra St.Olavs hospital og Sykehuset i Vestvik.');
    expect(entities(result, 'ORGANISATION')).toEqual(['Fjellvik universitetssykehus', 'Nordvik sykehus', 'St.Olavs hospital', 'Sykehuset i Vestvik']);
  });
});

describe('organisations: shapes of names', () => {
  it('state institutions named by a definite noun, and news agencies in a byline', () => {
    expect(entities(run('(NPK-NTB): Forsvaret og Politiet har samme leverandør.'), 'ORGANISATION')).toEqual(['Forsvaret', 'NPK', 'NTB', 'Politiet']);
  });

  it('parties in brackets after a person, and no party after something else', () => {
    const result = run('Saken får støtte av Per Olsen (Sp) og Kari Lie (H). Prosjektet (IKT) er nytt.');
    expect(entities(result, 'ORGANISATION')).toEqual(['H', 'Sp']);
  });

  it('"Statens <noun>" and institutions with an adjective and a noun or two nouns in their field', () => {
    const result = run('Statens strålevern og Direktoratet for medisinsk utstyr har skrevet til Senter for klinisk forskning. Rapporten kom fra Direktoratet for samfunnssikkerhet og beredskap.');
    expect(entities(result, 'ORGANISATION')).toEqual([
      'Direktoratet for medisinsk utstyr',
      'Direktoratet for samfunnssikkerhet og beredskap',
      'Senter for klinisk forskning',
      'Statens strålevern',
    ]);
  });

  it('an institution name stops before its verb ("Direktoratet for e-helse får ...")', () => {
    expect(entities(run('I fjor ble Direktoratet for e-helse ferdig med planen.'), 'ORGANISATION')).toEqual(['Direktoratet for e-helse']);
  });

  it('a ministry written in lower case', () => {
    expect(entities(run('Det opplyser en rådgiver i nærings- og fiskeridepartementet.'), 'ORGANISATION')).toEqual(['nærings- og fiskeridepartementet']);
  });

  it('lower-case words inside a name that ends in an upper-case legal suffix, but not across a verb', () => {
    expect(entities(run('Avtalen gjelder Vestfjord interkommunale legevakt IKS fra neste år.'), 'ORGANISATION')).toEqual(['Vestfjord interkommunale legevakt IKS']);
    expect(entities(run('Det er nå Helse Indre eier Kraftnett AS.'), 'ORGANISATION')).toEqual(['Helse Indre', 'Kraftnett AS']);
    // A verb after a capitalised word is not an adjective of a name: "Avtalen gjelder X AS", "Han besøkte X AS".
    expect(entities(run('Avtalen gjelder Kodeverk AS. I fjor sa Kari Moe besøkte Kodeverk AS.'), 'ORGANISATION')).toEqual(['Kodeverk AS']);
  });

  it('an institution noun before its place: "Sykehusapotek Nordvik", "Sjukehuset Fjellvik"', () => {
    expect(entities(run('Avtalen med Sykehusapotek Nordvik og Sjukehuset Fjellvik er klar.'), 'ORGANISATION')).toEqual(['Sjukehuset Fjellvik', 'Sykehusapotek Nordvik']);
  });
});

describe('organisations: the sentence-initial capital', () => {
  it('a quantifier opening the sentence is not part of a name ("Flere kommuner ...")', () => {
    const result = run('Flere kommuner vil bli med. Alle sykehus i regionen er spurt.');
    expect(entities(result, 'ORGANISATION')).toEqual([]);
  });

  it('a company noun opening the sentence is not part of the name ("Leverandøren Medisoft ASA ...")', () => {
    const result = run('Leverandøren Kodeverk ASA har vist interesse.');
    expect([...entities(result, 'ORGANISATION'), ...entities(result, 'VENDOR')]).toEqual(['Kodeverk ASA']);
  });

  it('a common noun capitalised after a quote dash, which the text also writes in lower case', () => {
    const result = run('– Helseforetaket har gjort en god jobb, sier Kari Lund.\n\nHun leder helseforetaket fra i år.');
    expect(entities(result, 'ORGANISATION')).toEqual([]);
  });

  it('a unit or field after a title is not an organisation ("direktør for Virksomhetsstyring")', () => {
    const result = run('Tidligere direktør for Virksomhetsstyring, Ola Rud, blir ny sjef.');
    expect(entities(result, 'ORGANISATION')).toEqual([]);
    expect(roles(result)).toEqual([]);
  });
});

describe('quotes: never the wrong speaker', () => {
  it('Nynorsk "seier ho" goes to the one woman named before; with two women it stays unattributed', () => {
    const one = run('Styreleiar Kari Lund i Helse Indre er nøgd.\n\n– Dette er ein god dag, seier ho.');
    expect(one.statements.map((statement) => statement.speaker?.name ?? null)).toEqual(['Kari Lund']);
    const two = run('Kari Lund og Anne Berg var begge på møtet.\n\n– Dette er ein god dag, seier ho.');
    expect(two.statements.map((statement) => statement.speaker?.name ?? null)).toEqual([null]);
  });
});
