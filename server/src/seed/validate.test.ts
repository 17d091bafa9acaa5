import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readSeedSources } from './load.js';
import { SeedValidationError, validateSeedSet, type SeedSet, type SeedSources } from './validate.js';

const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));
const DOC = 'doc:000_b40fe58a30269fa6';
const GRAPH_FILE = '000_b40fe58a30269fa6.graph.yaml';

let real: SeedSources;
beforeAll(async () => {
  real = await readSeedSources(SEEDS_DIR);
});

/** The real document with a small hand-written graph, so each test shows exactly what it breaks. */
function withGraph(graph: unknown, name = 'test.graph.yaml'): SeedSources {
  return { metas: real.metas, texts: real.texts, graphs: [{ name, content: stringify(graph) }] };
}

/** A one-document set with the given text, for offset tests that need a text of their own. */
function withText(text: string, graph: unknown): SeedSources {
  const meta = { id: 'doc:t', title: 'T', language: 'nb', file: 't.txt', publishedAt: null, source: null };
  return {
    metas: [{ name: 't.meta.yaml', content: stringify(meta) }],
    texts: { 't.txt': text },
    graphs: [{ name: 't.graph.yaml', content: stringify({ document: 'doc:t', ...(graph as object) }) }],
  };
}

const gro = { id: 'person:gro-jaere', kind: 'PERSON', name: 'Gro Jære', evidence: [{ quote: 'sier Gro Jære' }] };
const sp = { id: 'org:sykehuspartner', kind: 'ORGANISATION', name: 'Sykehuspartner', evidence: [{ quote: 'Sykehuspartner var samlet' }] };

/** Runs validation and returns the problems it reported (fails the test if it accepted the set). */
function problemsOf(sources: SeedSources): readonly string[] {
  try {
    validateSeedSet(sources);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedValidationError);
    return (error as SeedValidationError).problems;
  }
  throw new Error('expected the seed set to be refused');
}

describe('the real seed files', () => {
  let set: SeedSet;
  beforeAll(() => {
    set = validateSeedSet(real);
  });

  it('validate, with the expected number of documents, entities and relationships', () => {
    expect(set.documents.map((document) => document.id)).toEqual([DOC]);
    expect(set.entities).toHaveLength(32);
    expect(set.relationships).toHaveLength(49);
    expect(set.graphFiles).toEqual([GRAPH_FILE]);
  });

  it('keep the article text byte for byte and take the title from its first line', () => {
    const [document] = set.documents;
    expect(document?.title).toBe(document?.text.split('\n')[0]);
    expect(document?.language).toBe('nb');
    expect(document?.publishedAt).toBeNull();
  });

  it('pin every quote to a start where the document holds it verbatim', () => {
    const text = set.documents[0]?.text ?? '';
    const quotes = [...set.entities, ...set.relationships].flatMap((item) => item.evidence);
    expect(quotes.length).toBe(set.quotes);
    expect(set.quotes).toBeGreaterThan(40);
    for (const ev of quotes) {
      expect(ev.documentId).toBe(DOC);
      expect(text.slice(ev.start!, ev.start! + ev.quote.length)).toBe(ev.quote);
    }
  });

  it('give every entity and relationship at least one quote', () => {
    for (const item of [...set.entities, ...set.relationships]) expect(item.evidence.length, item.id).toBeGreaterThan(0);
  });

  it('record the two roles with their titles', () => {
    const role = (id: string) => set.relationships.find((r) => r.id === id);
    expect(role('rel:person:gro-jaere-ROLE_AT-org:sykehuspartner')?.title).toBe('administrerende direktør');
    expect(role('rel:person:olav-storli-ulvund-ROLE_AT-org:sykehuspartner-ikt-tjenester')?.title).toBe('virksomhetsdirektør');
  });

  it('carry kind-specific properties and aliases', () => {
    const entity = (id: string) => set.entities.find((e) => e.id === id);
    expect(entity('org:helse-nord-ikt')?.properties).toEqual({ vision: 'Helse og IKT smelter sammen' });
    expect(entity('programme:stim')?.properties).toEqual({ fullName: 'standardisering og infrastrukturmodernisering' });
    expect(entity('event:ikt-ledersamling-bergen')?.properties).toEqual({ when: 'mai' });
    expect(entity('org:helse-midt-norge-it')?.aliases).toEqual(['Helse Midt-IT']);
    expect(entity('org:sykehuspartner')?.aliases).toEqual([]);
  });

  it('let several facts rest on the same span', () => {
    const users = set.relationships.filter((r) => r.evidence.some((ev) => ev.quote.startsWith('Stikkord var')));
    expect(users).toHaveLength(9);
    expect(new Set(users.map((r) => r.evidence.find((ev) => ev.quote.startsWith('Stikkord var'))?.start)).size).toBe(1);
  });

  it('keep a no-break space from the article in the quote', () => {
    const ev = [...set.entities, ...set.relationships].flatMap((item) => item.evidence).find((e) => e.quote.startsWith('Samtidig knytter vi nettverk'));
    expect(ev?.quote).toContain('både\u00a0i drift');
  });
});

describe('validation refuses', () => {
  it('a quote that is not verbatim, naming the item and the document', () => {
    const problems = problemsOf(
      withGraph({
        document: DOC,
        entities: [gro, sp],
        relationships: [
          { type: 'ROLE_AT', source: 'person:gro-jaere', target: 'org:sykehuspartner', title: 'administrerende direktør', evidence: [{ quote: 'sa Gro Jære, direktør' }] },
        ],
      }),
    );
    expect(problems).toEqual([
      `test.graph.yaml: relationship rel:person:gro-jaere-ROLE_AT-org:sykehuspartner: quote "sa Gro Jære, direktør" is not verbatim in ${DOC}`,
    ]);
  });

  it('a plain space where the article has a no-break space, saying so', () => {
    const problems = problemsOf(
      withGraph({ document: DOC, entities: [{ ...gro, evidence: [{ quote: 'både i drift og prosjekter' }] }] }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^test\.graph\.yaml: entity person:gro-jaere: quote "både i drift og prosjekter" is not verbatim/);
    expect(problems[0]).toContain('U+00A0');
  });

  it('a quote that occurs more than once when no start is given, and a start that does not match', () => {
    const problems = problemsOf(
      withGraph({
        document: DOC,
        entities: [
          { ...sp, evidence: [{ quote: 'Sykehuspartner' }] },
          { ...gro, evidence: [{ quote: 'Gro Jære', start: 0 }] },
        ],
      }),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/entity org:sykehuspartner: quote "Sykehuspartner" is ambiguous: it occurs 6 times in doc:000_b40fe58a30269fa6/);
    expect(problems[1]).toMatch(/entity person:gro-jaere: quote "Gro Jære" does not start at 0/);
  });

  it('relationships whose source or target is not a known entity', () => {
    const problems = problemsOf(
      withGraph({
        document: DOC,
        entities: [gro],
        relationships: [{ type: 'ROLE_AT', source: 'person:gro-jaere', target: 'org:nowhere', evidence: [{ quote: 'sier Gro Jære' }] }],
      }),
    );
    expect(problems).toEqual(['test.graph.yaml: relationship rel:person:gro-jaere-ROLE_AT-org:nowhere: target org:nowhere is not a known entity']);
  });

  it('duplicate ids, also across files, and evidence pointing to an unknown document, all in one error', () => {
    const sources = withGraph({ document: DOC, entities: [gro, { ...gro, name: 'Gro' }] });
    sources.graphs.push({ name: 'other.graph.yaml', content: stringify({ document: 'doc:missing', entities: [gro] }) });
    const problems = problemsOf(sources);
    expect(problems).toEqual([
      'test.graph.yaml: entity person:gro-jaere: duplicate id (also in test.graph.yaml)',
      'other.graph.yaml: entity person:gro-jaere: duplicate id (also in test.graph.yaml)',
      'other.graph.yaml: entity person:gro-jaere: evidence "sier Gro Jære" points to unknown document doc:missing',
    ]);
  });

  it('two relationships that would get the same default id', () => {
    const rel = { type: 'ROLE_AT', source: 'person:gro-jaere', target: 'org:sykehuspartner', evidence: [{ quote: 'sier Gro Jære' }] };
    const problems = problemsOf(withGraph({ document: DOC, entities: [gro, sp], relationships: [rel, rel] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('relationship rel:person:gro-jaere-ROLE_AT-org:sykehuspartner: duplicate id');
  });

  it('a missing text file and an invalid YAML file', () => {
    const sources = withGraph({ document: DOC, entities: [gro] });
    const broken: SeedSources = {
      metas: [...sources.metas, { name: 'x.meta.yaml', content: stringify({ id: 'doc:x', title: 'X', file: 'x.txt' }) }],
      texts: sources.texts,
      graphs: [...sources.graphs, { name: 'bad.graph.yaml', content: 'entities: [ {id: ' }],
    };
    const problems = problemsOf(broken);
    expect(problems[0]).toBe('x.meta.yaml: document doc:x: text file x.txt not found');
    expect(problems[1]).toMatch(/^bad\.graph\.yaml: not valid YAML/);
  });
});

describe('the file format refuses', () => {
  it('a relationship type outside the allowlist', () => {
    const problems = problemsOf(
      withGraph({ document: DOC, entities: [gro, sp], relationships: [{ type: 'KNOWS', source: 'person:gro-jaere', target: 'org:sykehuspartner', evidence: [{ quote: 'sier Gro Jære' }] }] }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^test\.graph\.yaml: relationships\[0\]\.type: /);
    expect(problems[0]).toContain('ROLE_AT');
  });

  it('a kind outside the allowlist', () => {
    const problems = problemsOf(withGraph({ document: DOC, entities: [{ ...sp, kind: 'COMPANY' }] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^test\.graph\.yaml: entities\[0\] \(org:sykehuspartner\)\.kind: /);
  });

  it('an id with the wrong prefix for its kind, or not a readable slug', () => {
    const problems = problemsOf(
      withGraph({ document: DOC, entities: [{ ...gro, id: 'org:gro-jaere' }, { ...sp, id: 'org:Sykehus Partner' }] }),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('entities[0] (org:gro-jaere).id: must start with "person:" for kind PERSON');
    expect(problems[1]).toContain('entities[1] (org:Sykehus Partner).id: must look like <prefix>:<slug>');
  });

  it('properties that belong to another kind, and unknown properties', () => {
    const problems = problemsOf(
      withGraph({ document: DOC, entities: [{ ...sp, fullName: 'Sykehuspartner HF', colour: 'blue' }] }),
    );
    expect(problems).toEqual([
      'test.graph.yaml: entities[0] (org:sykehuspartner).fullName: property "fullName" is not allowed for kind ORGANISATION (allowed: vision)',
      'test.graph.yaml: entities[0] (org:sykehuspartner).colour: unknown property "colour"',
    ]);
  });

  it('an entity or relationship without evidence, and a quote padded with spaces', () => {
    const problems = problemsOf(withGraph({ document: DOC, entities: [{ ...gro, evidence: [] }, { ...sp, evidence: [{ quote: ' Sykehuspartner' }] }] }));
    expect(problems).toEqual([
      'test.graph.yaml: entities[0] (person:gro-jaere).evidence: needs at least one evidence item',
      'test.graph.yaml: entities[1] (org:sykehuspartner).evidence[0].quote: must not start or end with whitespace',
    ]);
  });
});

describe('quotes with diacritics', () => {
  it('get JS string offsets (UTF-16 code units), also after characters outside the BMP', () => {
    const text = 'Møte 🏥 i Bergen: sier Gro Jære, administrerende direktør i Sykehuspartner. Æøå!';
    const set = validateSeedSet(
      withText(text, { entities: [{ ...gro, evidence: [{ quote: 'sier Gro Jære, administrerende direktør' }, { quote: 'Æøå!' }] }] }),
    );
    const [first, second] = set.entities[0]!.evidence;
    expect(first?.start).toBe(text.indexOf('sier Gro'));
    expect(first?.start).toBe(18); // "🏥" counts as two code units
    expect(text.slice(first!.start!, first!.start! + first!.quote.length)).toBe('sier Gro Jære, administrerende direktør');
    expect(second!.start! + second!.quote.length).toBe(text.length);
    expect(text.slice(second!.start!)).toBe('Æøå!');
  });

  it('are compared exactly: a folded or decomposed spelling is refused, and the error says why', () => {
    const text = 'Vi får utveksle erfaringer, sier Gro Jære.'.normalize('NFC');
    const problems = problemsOf(
      withText(text, { entities: [{ ...gro, evidence: [{ quote: 'Gro Jaere' }, { quote: 'får utveksle'.normalize('NFD') }] }] }),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe('t.graph.yaml: entity person:gro-jaere: quote "Gro Jaere" is not verbatim in doc:t');
    expect(problems[1]).toContain('is not verbatim in doc:t');
    expect(problems[1]).toContain('Unicode normalization');
  });
});
