import { getIntrospectionQuery } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql, testDatabase, testYoga } from '../../test/harness.js';

const db = testDatabase();
const yoga = testYoga(db, { maxBodyBytes: 20_000 });
afterAll(() => db.close());

describe('search', () => {
  const SEARCH = `query($q: String!, $kinds: [EntityKind!], $first: Int) {
    search(query: $q, kinds: $kinds, first: $first) { score entity { id kind name aliases } }
  }`;

  it('finds Gro Jære without the diacritic, by prefix, and in any case', async () => {
    for (const q of ['jaere', 'Jære', 'JAE', 'gro jæ']) {
      const { body } = await graphql(yoga, SEARCH, { q });
      expect(body.errors, q).toBeUndefined();
      expect(body.data!.search[0].entity, q).toMatchObject({ id: 'person:gro-jaere', name: 'Gro Jære', kind: 'PERSON' });
    }
  });

  it('matches aliases: "Helse Midt-IT" finds Helse Midt-Norge IT', async () => {
    const { body } = await graphql(yoga, SEARCH, { q: 'Helse Midt-IT' });
    const names = body.data!.search.map((hit: { entity: { name: string } }) => hit.entity.name);
    expect(names[0]).toBe('Helse Midt-Norge IT');
  });

  it('restricts to kinds and honours first', async () => {
    const { body } = await graphql(yoga, SEARCH, { q: 'helse', kinds: ['ORGANISATION'], first: 2 });
    expect(body.data!.search).toHaveLength(2);
    for (const hit of body.data!.search) expect(hit.entity.kind).toBe('ORGANISATION');
    const scores = body.data!.search.map((hit: { score: number }) => hit.score);
    expect(scores[0]).toBeGreaterThanOrEqual(scores[1]);
  });

  it('ranks whole-word matches above prefix matches, and equal matches by how connected they are', async () => {
    const RANKED = `query($q: String!) { search(query: $q, first: 100) { score entity { id name degree } } }`;
    const { body } = await graphql(yoga, RANKED, { q: 'hel' });
    const hits = body.data!.search as { score: number; entity: { name: string; degree: number } }[];
    const words = (hit: (typeof hits)[number]) => hit.entity.name.toLowerCase().split(/[^\p{L}]+/u);
    // "Hel" is no whole word of any seed name, so every hit is a prefix match, its score raised only by the rank
    // tokens of its degree (graph/search-rank.ts): best connected first.
    expect(hits.length).toBeGreaterThan(2);
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBeGreaterThan(1);
    const degrees = hits.map((hit) => hit.entity.degree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    // The seeds have prefix matches whose name order is not their degree order, so name order alone would fail this.
    const byName = [...hits].sort((a, b) => a.entity.name.localeCompare(b.entity.name)).map((hit) => hit.entity.degree);
    expect(byName).not.toEqual(degrees);

    const { body: whole } = await graphql(yoga, RANKED, { q: 'helse' });
    const ranked = whole.data!.search as typeof hits;
    const firstPrefixOnly = ranked.findIndex((hit) => !words(hit).includes('helse'));
    const lastWhole = ranked.map((hit) => words(hit).includes('helse')).lastIndexOf(true);
    expect(lastWhole).toBeGreaterThanOrEqual(0);
    if (firstPrefixOnly >= 0) expect(lastWhole).toBeLessThan(firstPrefixOnly);
  });

  it('returns an empty list when nothing matches', async () => {
    const { body } = await graphql(yoga, SEARCH, { q: 'zzzqqqxxx' });
    expect(body).toEqual({ data: { search: [] } });
  });

  it('refuses unusable input with BAD_USER_INPUT naming the argument', async () => {
    for (const [variables, argument] of [
      [{ q: '*?!' }, 'query'],
      [{ q: 'x'.repeat(201) }, 'query'],
      [{ q: 'gro', first: 0 }, 'first'],
      [{ q: 'gro', first: 1000 }, 'first'],
      [{ q: 'gro', kinds: [] }, 'kinds'],
    ] as const) {
      const { body } = await graphql(yoga, SEARCH, variables);
      // Null after a resolver refused it; absent when the argument checks refused it before execution.
      expect(body.data ?? null, JSON.stringify(variables)).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});

describe('entity', () => {
  it('returns an organisation with its aliases, evidence and relationships', async () => {
    const { body } = await graphql(
      yoga,
      `{ entity(id: "org:helse-midt-norge-it") {
          __typename id kind name aliases degree
          evidence { quote start end document { id text } }
          relationships { edges { node { type source target } } totalCount }
        } }`,
    );
    const entity = body.data!.entity;
    expect(entity).toMatchObject({ __typename: 'Organisation', kind: 'ORGANISATION', name: 'Helse Midt-Norge IT' });
    expect(entity.aliases).toContain('Helse Midt-IT');
    expect(entity.degree).toBe(entity.relationships.edges.length);
    expect(entity.relationships.totalCount).toBe(entity.degree);
    expect(entity.evidence.length).toBeGreaterThan(0);
    for (const evidence of entity.evidence) {
      expect(evidence.document.text.slice(evidence.start, evidence.end)).toBe(evidence.quote);
    }
  });

  it('gives the programme STIM its full name', async () => {
    const { body } = await graphql(yoga, '{ entity(id: "programme:stim") { name ... on Programme { fullName } } }');
    expect(body.data!.entity).toEqual({ name: 'STIM', fullName: 'standardisering og infrastrukturmodernisering' });
  });

  it('caps relationships at `first` while degree counts them all', async () => {
    const { body } = await graphql(
      yoga,
      '{ entity(id: "org:sykehuspartner") { degree relationships(first: 2) { edges { node { id } } totalCount } all: relationships(first: 100) { edges { node { id } } } } }',
    );
    const entity = body.data!.entity;
    expect(entity.degree).toBeGreaterThan(2);
    expect(entity.relationships.edges).toHaveLength(2);
    expect(entity.relationships.totalCount).toBe(entity.degree);
    expect(entity.all.edges).toHaveLength(entity.degree);
    expect(entity.relationships.edges).toEqual(entity.all.edges.slice(0, 2));
    const bad = await graphql(yoga, '{ entity(id: "org:sykehuspartner") { relationships(first: 0) { edges { node { id } } } } }');
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('returns null for an unknown id', async () => {
    const { body } = await graphql(yoga, '{ entity(id: "org:does-not-exist") { id } }');
    expect(body).toEqual({ data: { entity: null } });
  });
});

describe('neighbourhood', () => {
  const NEIGHBOURHOOD = `query($ids: [ID!]!, $depth: Int, $limit: Int) {
    neighbourhood(ids: $ids, depth: $depth, limit: $limit) {
      truncated
      nodes { id name }
      edges { id type source target title evidence { quote document { id } } }
    }
  }`;

  it('of Sykehuspartner holds Gro Jære as administrerende direktør, with the quote that says so', async () => {
    const { body } = await graphql(yoga, NEIGHBOURHOOD, { ids: ['org:sykehuspartner'] });
    expect(body.errors).toBeUndefined();
    const { nodes, edges, truncated } = body.data!.neighbourhood;
    expect(truncated).toBe(false);
    expect(nodes.map((node: { id: string }) => node.id)).toContain('person:gro-jaere');
    const role = edges.find(
      (edge: { source: string; target: string; type: string }) =>
        edge.source === 'person:gro-jaere' && edge.target === 'org:sykehuspartner' && edge.type === 'ROLE_AT',
    );
    expect(role.title).toBe('administrerende direktør');
    expect(role.evidence.some((evidence: { quote: string }) => evidence.quote.includes('administrerende direktør'))).toBe(true);
  });

  it('only returns edges whose both ends are in the subgraph', async () => {
    const { body } = await graphql(yoga, NEIGHBOURHOOD, { ids: ['person:gro-jaere'], depth: 2 });
    const { nodes, edges } = body.data!.neighbourhood;
    const ids = new Set(nodes.map((node: { id: string }) => node.id));
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
  });

  it('grows with depth and marks a cut result as truncated, nearest entities first', async () => {
    const depth1 = (await graphql(yoga, NEIGHBOURHOOD, { ids: ['person:gro-jaere'], depth: 1 })).body.data!.neighbourhood;
    const depth2 = (await graphql(yoga, NEIGHBOURHOOD, { ids: ['person:gro-jaere'], depth: 2 })).body.data!.neighbourhood;
    expect(depth2.nodes.length).toBeGreaterThan(depth1.nodes.length);
    const cut = (await graphql(yoga, NEIGHBOURHOOD, { ids: ['person:gro-jaere'], depth: 2, limit: 2 })).body.data!.neighbourhood;
    expect(cut.truncated).toBe(true);
    expect(cut.nodes).toHaveLength(2);
    expect(cut.nodes[0].id).toBe('person:gro-jaere');
    expect(depth1.nodes.map((node: { id: string }) => node.id)).toContain(cut.nodes[1].id);
  });

  it('is not truncated when the limit equals the exact size, and is when it is one less', async () => {
    const full = (await graphql(yoga, NEIGHBOURHOOD, { ids: ['org:sykehuspartner'], limit: 1000 })).body.data!.neighbourhood;
    expect(full.truncated).toBe(false);
    const exact = (await graphql(yoga, NEIGHBOURHOOD, { ids: ['org:sykehuspartner'], limit: full.nodes.length })).body.data!.neighbourhood;
    expect(exact.truncated).toBe(false);
    expect(exact.nodes).toHaveLength(full.nodes.length);
    const short = (await graphql(yoga, NEIGHBOURHOOD, { ids: ['org:sykehuspartner'], limit: full.nodes.length - 1 })).body.data!.neighbourhood;
    expect(short.truncated).toBe(true);
  });

  it('starts from every given id once, ignoring unknown and repeated ones', async () => {
    const { body } = await graphql(yoga, NEIGHBOURHOOD, {
      ids: ['person:gro-jaere', 'org:nope', 'person:gro-jaere', 'person:olav-storli-ulvund'],
      limit: 2,
    });
    const { nodes, truncated } = body.data!.neighbourhood;
    expect(nodes.map((node: { id: string }) => node.id).sort()).toEqual(['person:gro-jaere', 'person:olav-storli-ulvund']);
    expect(truncated).toBe(true);
  });

  it('refuses bad depth, limit and id lists', async () => {
    for (const variables of [
      { ids: ['org:sykehuspartner'], depth: 4 },
      { ids: ['org:sykehuspartner'], limit: 0 },
      { ids: ['org:sykehuspartner'], limit: 5000 },
      { ids: [] },
    ]) {
      const { body } = await graphql(yoga, NEIGHBOURHOOD, variables);
      // limit 5000 is refused by the cost limit before the resolver's range check sees it.
      expect(body.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toMatch(/^(BAD_USER_INPUT|QUERY_TOO_COMPLEX)$/);
    }
  });

  it('is empty, not an error, for unknown ids', async () => {
    const { body } = await graphql(yoga, NEIGHBOURHOOD, { ids: ['org:nope'] });
    expect(body.data!.neighbourhood).toEqual({ truncated: false, nodes: [], edges: [] });
  });
});

describe('graph, documents and stats', () => {
  it('overview returns the whole seed graph, consistent with stats', async () => {
    const { body } = await graphql(
      yoga,
      '{ graph(limit: 1000) { truncated nodes { id } edges { id } } stats { entities relationships documents evidence } }',
    );
    const { graph, stats } = body.data!;
    expect(graph.truncated).toBe(false);
    expect(graph.nodes).toHaveLength(stats.entities);
    expect(graph.edges).toHaveLength(stats.relationships);
    expect(stats.documents).toBeGreaterThanOrEqual(1);
    expect(stats.entities).toBeGreaterThan(20);
  });

  it('lists the seed document with its verbatim text', async () => {
    const { body } = await graphql(yoga, '{ documents(first: 100) { edges { node { id title language text } } } }');
    const seed = body.data!.documents.edges.map((edge: { node: unknown }) => edge.node).find((document: { id: string }) => document.id === 'doc:000_b40fe58a30269fa6');
    expect(seed.title).toBe('Helseregionenes IKT-virksomheter møtes årlig');
    expect(seed.text).toContain('Gro Jære, administrerende direktør i Sykehuspartner');
  });
});

describe('malformed and hostile requests', () => {
  it('answers a syntax error with 400 and no data', async () => {
    const { status, body } = await graphql(yoga, '{ entity(id: ');
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/Syntax Error/);
  });

  it('keeps the legacy 200 status for clients that only accept application/json', async () => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: ' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });

  it('answers an unknown field with a validation error that suggests the right one', async () => {
    const { status, body } = await graphql(yoga, '{ entity(id: "x") { nmae } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field "nmae".*Did you mean "name"/);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
  });

  it('refuses a body over the size limit with 413', async () => {
    const query = `{ search(query: "${'a'.repeat(30_000)}") { score } }`;
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(413);
  });

  it('accepts the standard introspection query (GraphiQL, codegen)', async () => {
    const { body } = await graphql(yoga, getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
    expect(body.data!.__schema.queryType.name).toBe('Query');
  });

  it('refuses queries nested too deeply', async () => {
    const deep = `{ __schema { types { fields { type ${'{ ofType '.repeat(30)}{ name }${' }'.repeat(30)} } } } }`;
    const { status, body } = await graphql(yoga, deep);
    expect(status).toBe(400);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/depth/i);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses too many aliases', async () => {
    const tooMany = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: stats { entities }`).join(' ')} }`;
    const { status, body } = await graphql(yoga, tooMany);
    expect(status).toBe(400);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/aliases/i);
  });

  it('bounds the attack of the issue: 15 aliases of graph(limit: 1000) with document texts are refused before running', async () => {
    const attack = `{ ${Array.from({ length: 15 }, (_, i) => `g${i}: graph(limit: 1000) { nodes { id evidence { quote document { text } } } }`).join(' ')} }`;
    const { status, body } = await graphql(yoga, attack);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses an over-long entity id with BAD_USER_INPUT', async () => {
    const { status, body } = await graphql(yoga, 'query($id: ID!) { entity(id: $id) { id } }', { id: 'x'.repeat(10_000) });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });
});

describe('health', () => {
  it('/healthz answers 200 while the process is up', async () => {
    expect((await yoga.fetch('http://localhost/healthz')).status).toBe(200);
  });

  it('/readyz answers 200 while Neo4j answers', async () => {
    expect((await yoga.fetch('http://localhost/readyz')).status).toBe(200);
  });
});
