import { describe, expect, it } from 'vitest';
import { extract } from './extract.js';
import { Gazetteer } from './gazetteer.js';
import { entityNames as entities } from './test-lines.js';
import type { ExtractionResult, GazetteerEntry, Proposal } from './types.js';

const KNOWN: GazetteerEntry[] = [
  { entityId: 'org:sykehuspartner', kind: 'ORGANISATION', name: 'Sykehuspartner', aliases: [] },
  { entityId: 'org:helse-midt-norge-it', kind: 'ORGANISATION', name: 'Helse Midt-Norge IT', aliases: ['Helse Midt-IT'] },
  { entityId: 'org:helse-vest-ikt', kind: 'ORGANISATION', name: 'Helse Vest IKT', aliases: [] },
  { entityId: 'programme:helseplattformen', kind: 'PROGRAMME', name: 'Helseplattformen', aliases: [] },
  { entityId: 'vendor:epic', kind: 'VENDOR', name: 'Epic', aliases: [] },
  { entityId: 'person:gro-jaere', kind: 'PERSON', name: 'Gro Jære', aliases: [] },
];
const gazetteer = new Gazetteer(KNOWN);

function run(text: string, publishedAt?: string): ExtractionResult {
  return extract(text, { gazetteer, publishedAt });
}

function roles(result: ExtractionResult): string[] {
  return result.proposals
    .filter((proposal) => proposal.type === 'ROLE_AT')
    .map((proposal) => `${proposal.from?.name} | ${proposal.title} | ${proposal.to?.name}${proposal.to?.entityId ? ` [${proposal.to.entityId}]` : ''}`)
    .sort();
}

function role(result: ExtractionResult, person: string): Proposal | undefined {
  return result.proposals.find((proposal) => proposal.type === 'ROLE_AT' && proposal.from?.name === person);
}

describe('extract: people, titles and organisations as news writes them', () => {
  it('"X, tittel i Y" and "tittel i Y, X"', () => {
    const result = run('- Det går bra, sier Kari Nordmann, administrerende direktør i Sykehuspartner. Prosjektleder i Helse Bergen HF, Ola Vik, er enig.');
    expect(roles(result)).toEqual([
      'Kari Nordmann | administrerende direktør | Sykehuspartner [org:sykehuspartner]',
      'Ola Vik | prosjektleder | Helse Bergen HF',
    ]);
    expect(entities(result, 'PERSON')).toEqual(['Kari Nordmann', 'Ola Vik']);
    expect(entities(result, 'ORGANISATION')).toEqual(['Helse Bergen HF']);
  });

  it('"sier adm. dir. X i Y" and "prosjektsjef X og programdirektør Y i Z"', () => {
    const result = run('- Vi er i rute, sier adm. dir. Jon Lie i Helse Vest IKT. Prosjektsjef Siri Berg og programdirektør Lars Moe i Oslo universitetssykehus leder arbeidet.');
    expect(roles(result)).toEqual([
      'Jon Lie | administrerende direktør | Helse Vest IKT [org:helse-vest-ikt]',
      'Lars Moe | programdirektør | Oslo universitetssykehus',
      'Siri Berg | prosjektsjef | Oslo universitetssykehus',
    ]);
  });

  it('"Z har ansatt X som direktør", also in Nynorsk and with an age', () => {
    const result = run('Helse Midt-Norge IT har ansatt 48 år gamle Trine Dahl som direktør. Sunnaas sykehus har tilsett Nils Aas (61) som fagdirektør.');
    expect(roles(result)).toEqual([
      'Nils Aas | fagdirektør | Sunnaas sykehus',
      'Trine Dahl | direktør | Helse Midt-Norge IT [org:helse-midt-norge-it]',
    ]);
  });

  it('"Ny styreleder er X" takes the organisation whose board the text is about', () => {
    const result = run('Nytt styre i Kreftregisteret AS\n\nNy styreleder er Marit Solheim. Arne Bø og Anne Li er nye i styret.');
    expect(roles(result)).toEqual([
      'Anne Li | styremedlem | Kreftregisteret AS',
      'Arne Bø | styremedlem | Kreftregisteret AS',
      'Marit Solheim | styreleder | Kreftregisteret AS',
    ]);
  });

  it('"X (54) blir ny ..." and "X går av som ..." with their dates', () => {
    const result = run('Eva Holm (54) blir ny økonomidirektør i Helse Nord RHF fra 1. mars. Tor Ask går av som direktør i Sykehuspartner.', '2023-11-20');
    expect(role(result, 'Eva Holm')).toMatchObject({ title: 'økonomidirektør', validFrom: '2023-03-01', publishedAt: '2023-11-20' });
    expect(role(result, 'Eva Holm')?.validTo).toBeUndefined();
    expect(role(result, 'Tor Ask')).toMatchObject({ title: 'direktør', validTo: '2023-11-20', to: { entityId: 'org:sykehuspartner' } });
  });

  it('a former post ends by the publication date', () => {
    const result = run('Han kom fra Sykehuspartner. Gunnar Rø, tidligere IT-direktør i Helse Sør-Øst, er ansatt.', '2021');
    expect(role(result, 'Gunnar Rø')).toMatchObject({ title: 'IT-direktør', validTo: '2021', to: { name: 'Helse Sør-Øst' } });
  });

  it('knows Nynorsk title words and organisations with a suffix or "kommune"', () => {
    const result = run('– Det er uheldig, seier kommunedirektør i Bergen kommune, Liv Hauge.');
    expect(roles(result)).toEqual(['Liv Hauge | kommunedirektør | Bergen kommune']);
  });

  it('finds a programme from its long name and acronym, and vendors from how the text treats them', () => {
    const result = run(
      'Helse Sør-Øst starta programmet for digital fornying og samhandling (DIFS). Det er selskapa Visma AS og Dedalus Systems som konkurrerer om kontrakten.',
    );
    expect(entities(result, 'PROGRAMME')).toEqual(['DIFS']);
    expect(entities(result, 'VENDOR')).toEqual(['Dedalus Systems', 'Visma AS']);
    expect(entities(result, 'ORGANISATION')).toEqual(['Helse Sør-Øst']);
  });

  it('proposes nothing for capitalised words that only open a sentence', () => {
    const result = run('Moderniseringen er i gang. Sykehusene trenger ny teknologi. Dessuten kommer Prosjektene i tillegg.');
    expect(result.proposals).toEqual([]);
  });

  it('does not propose known entities again; they come back as mentions', () => {
    const result = run('Gro Jære, administrerende direktør i Sykehuspartner, snakket om Helseplattformen.');
    expect(result.proposals.filter((proposal) => proposal.kind === 'ENTITY')).toEqual([]);
    expect(result.mentions.map((mention) => mention.entityId)).toEqual(['person:gro-jaere', 'org:sykehuspartner', 'programme:helseplattformen']);
    expect(role(result, 'Gro Jære')).toMatchObject({ from: { entityId: 'person:gro-jaere' }, to: { entityId: 'org:sykehuspartner' } });
  });
});

describe('extract: relationships, duplicates, keys and quotes', () => {
  it('proposes ownership and supply from the usual phrasing', () => {
    const result = run('Helse Nord RHF har vedtatt å etablere selskapet Nordlys AS, som skal inngå kontrakt med leverandøren Epic.');
    const relationships = result.proposals.filter((proposal) => proposal.kind === 'RELATIONSHIP').map((proposal) => `${proposal.from?.name} ${proposal.type} ${proposal.to?.name}`);
    expect(relationships.sort()).toEqual(['Epic SUPPLIER_TO Nordlys AS', 'Nordlys AS PART_OF Helse Nord RHF']);
  });

  it('marks short forms and other spellings of known entities as candidate duplicates, but not a parent', () => {
    const result = run('Dette sier styreleder Per Lund i Hemit. Helse Midt-Norge RHF eier Hemit. Kontrakten gikk til Epic Systms Corp.');
    const byName = new Map(result.proposals.filter((proposal) => proposal.kind === 'ENTITY').map((proposal) => [proposal.name, proposal.duplicateOf]));
    expect(byName.get('Hemit')).toBe('org:helse-midt-norge-it');
    expect(byName.has('Helse Midt-Norge RHF')).toBe(true);
    expect(byName.get('Helse Midt-Norge RHF')).toBeUndefined();
  });

  it('keys depend on what is proposed, not on position or spelling variant', () => {
    const text = 'Kari Nordmann, administrerende direktør i Helse Midt-Norge RHF, er fornøyd.';
    const first = run(text);
    const again = run(`Innledning.\n\n${text}`);
    const nynorsk = run('Kari Nordmann, administrerende direktør i Helse Midt-Noreg RHF, er nøgd.');
    const keys = (result: ExtractionResult): string[] => result.proposals.map((proposal) => proposal.key).sort();
    expect(keys(again)).toEqual(keys(first));
    expect(keys(nynorsk)).toEqual(keys(first));
    expect(new Set(keys(first)).size).toBe(first.proposals.length);
    expect(run('Kari Nordmann, styreleder i Helse Midt-Norge RHF, er fornøyd.').proposals.find((proposal) => proposal.type === 'ROLE_AT')?.key)
      .not.toBe(first.proposals.find((proposal) => proposal.type === 'ROLE_AT')?.key);
  });

  it('every proposal quotes its sentence by offsets and carries the publication date and a confidence', () => {
    const text = 'Nytt styre\n\nNy styreleder i Helse Nord RHF er Ola Aas. 😀 Nina Sæther, direktør i Sykehuspartner, sier at hun er glad.';
    const result = run(text, '2020-05-04');
    expect(result.proposals.length).toBeGreaterThan(3);
    for (const proposal of result.proposals) {
      expect(text.slice(proposal.start, proposal.end)).toBe(proposal.quote);
      expect(proposal.publishedAt).toBe('2020-05-04');
      expect(proposal.confidence).toBeGreaterThan(0);
      expect(proposal.confidence).toBeLessThanOrEqual(1);
    }
    for (const mention of result.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.quote);
  });
});

describe('extract: who said it', () => {
  function speakers(text: string): (string | null)[] {
    return run(text).statements.map((statement) => statement.speaker?.name ?? null);
  }

  it('attributes "sier X" to X and "sier hun" to the one woman named before', () => {
    const text = '- Vi lærer mye, sier Kari Holm, direktør i Sykehuspartner.\n\n- Vi er klare, sier Per Dahl.\n\n- Det er viktig, sier hun.';
    expect(speakers(text)).toEqual(['Kari Holm', 'Per Dahl', 'Kari Holm']);
  });

  it('leaves a pronoun unattributed when two people could be meant', () => {
    const text = 'Kari Holm og Eva Lund møttes.\n\n- Det er viktig, sier hun.';
    expect(speakers(text)).toEqual([null]);
  });

  it('prefers the one fitting person named in the same paragraph', () => {
    const text = 'Kari Holm leder Sykehuspartner.\n\nEva Lund (45) blir ny sjef i Helse Vest IKT. - Vi gleder oss, sier hun.';
    expect(speakers(text)).toEqual(['Eva Lund']);
  });

  it('does not give "han" to a woman, nor "hun" to a man', () => {
    expect(speakers('- Dette er bra, sier Kari Holm.\n\n- Vi ser fram til det, sier han.')).toEqual(['Kari Holm', null]);
    expect(speakers('- Dette er bra, sier Per Holm.\n\n- Vi ser fram til det, seier ho.')).toEqual(['Per Holm', null]);
  });

  it('takes a surname alone to mean the person named in full before', () => {
    const text = 'Norsk Helsenett har ansatt Håvard Lie som direktør.\n\n- Det blir spennende, sier Lie til avisen.';
    expect(speakers(text)).toEqual(['Håvard Lie']);
  });
});
