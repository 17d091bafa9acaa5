import { randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql, removeImportedDocuments, testDatabase, testYoga } from '../../test/harness.js';
import { IntakeError } from '../import/index.js';
import { readGazetteerEntries } from './gazetteer-cache.js';
import { importArticle } from './store.js';

const RUN = randomUUID().slice(0, 8);
// Letters only: a made-up surname the extraction reads as a name, unique to this run.
const SURNAME = `Qval${RUN.replace(/[^a-f]/g, '').padEnd(4, 'e').slice(0, 4)}`;
const TOKEN = `review-token-${RUN}-0123456789`;
const db = testDatabase();
const yoga = testYoga(db, { writeTokens: [{ name: 'reviewer', token: TOKEN }] });
const bigYoga = testYoga(db, { maxBodyBytes: 7_000_000, writeTokens: [{ name: 'reviewer', token: TOKEN }] });
const ARTICLES = path.resolve(import.meta.dirname, '../../../seeds/articles');
const DOC = `doc:review-note-${RUN}`;
const PERSON = `Ingrid ${SURNAME}`;
const VENDOR = `Nordvik${SURNAME.toLowerCase()} Data AS`;
const NOTE = `Helse Vest IKT har ansatt ${PERSON} som ny direktør. ${SURNAME} kommer fra ${VENDOR}.`;

const IMPORT = `mutation($d: DocumentInput!) { importDocument(input: $d) {
  unchanged document { id title publishedAt }
  mentions { entity { id } quote start end }
  proposals { id kind entityKind name type title from { name entity { id } } to { name entity { id } } confidence quote start end status validFrom validTo duplicateOf { id } }
} }`;

const importDoc = (d: Record<string, unknown>, token = TOKEN, server = yoga) => graphql(server, IMPORT, { d }, token);

async function count(cypher: string, params: Record<string, unknown>): Promise<number> {
  const result = await db.read((tx) => tx.run(cypher, params));
  return Number(result.records[0]?.get(0));
}

const touched: string[] = [DOC];

afterAll(async () => {
  await removeImportedDocuments(db, touched);
  await db.close();
});

describe('importing articles', () => {
  it('imports each article of seeds/articles through the API: mentions and proposals, each quote verbatim at its offsets', async () => {
    const metas = (await readdir(ARTICLES)).filter((name) => name.endsWith('.meta.yaml')).sort();
    expect(metas).toHaveLength(6);
    let proposals = 0;
    for (const name of metas) {
      const meta = parseYaml(await readFile(path.join(ARTICLES, name), 'utf8')) as Record<string, string | null>;
      const text = await readFile(path.join(ARTICLES, String(meta.file)), 'utf8');
      const id = `${String(meta.id)}-${RUN}`;
      touched.push(id);
      const { body } = await importDoc({ id, title: meta.title, text, publishedAt: meta.publishedAt, language: meta.language });
      expect(body.errors, name).toBeUndefined();
      const result = body.data?.importDocument;
      expect(result.unchanged).toBe(false);
      expect(result.document.id).toBe(id);
      const stored = await db.read((tx) => tx.run('MATCH (d:Document {id: $id}) RETURN d.text AS text', { id }));
      const storedText = String(stored.records[0]?.get('text'));
      expect(result.mentions.length + result.proposals.length, name).toBeGreaterThan(0);
      for (const m of result.mentions) {
        expect(m.entity?.id, name).toBeTruthy();
        expect(storedText.slice(m.start, m.end)).toBe(m.quote);
      }
      for (const p of result.proposals) {
        expect(storedText.slice(p.start, p.end)).toBe(p.quote);
        expect(p.status).toBe('PENDING');
      }
      proposals += result.proposals.length;
    }
    expect(proposals).toBeGreaterThan(10);
  });

  it('stores mentions and proposals as records, never as relationships: the graph of facts is untouched', async () => {
    const relationships = await count('UNWIND $docs AS d MATCH (p:Proposal {documentId: d})-[r]-() RETURN count(r)', { docs: touched });
    const mentionLinks = await count('UNWIND $docs AS d MATCH (m:Mention {documentId: d})-[r]-() RETURN count(r)', { docs: touched });
    expect(relationships + mentionLinks).toBe(0);
  });

  it('re-importing the same text is a no-op that returns the stored result', async () => {
    const first = await importDoc({ id: DOC, title: 'Notat', text: NOTE, publishedAt: '2026-03-01', language: 'nb' });
    expect(first.body.errors).toBeUndefined();
    const before = first.body.data?.importDocument;
    expect(before.unchanged).toBe(false);
    expect(before.proposals.map((p: { name: string | null; from: { name: string } | null }) => p.name ?? p.from?.name)).toContain(PERSON);
    const stamp = async () => String((await db.read((tx) => tx.run('MATCH (d:Document {id: $id}) RETURN d.updatedAt + d.importHash AS s', { id: DOC }))).records[0]?.get('s'));
    const updatedAt = await stamp();
    expect(updatedAt).toMatch(/^20/);
    const again = await importDoc({ id: DOC, title: 'Notat', text: `${NOTE}\n`, publishedAt: '2026-03-01', language: 'nb' });
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.importDocument.unchanged).toBe(true);
    expect(again.body.data?.importDocument.proposals).toEqual(before.proposals);
    expect(again.body.data?.importDocument.mentions).toEqual(before.mentions);
    expect(await stamp()).toBe(updatedAt);
  });

  it('accepting a relationship before its new end is refused, naming the end; accepting the entity first makes it work, dated by the document', async () => {
    const { body } = await graphql(yoga, `{ proposals(documentId: "${DOC}") { edges { node { id kind name type from { name } } } } }`);
    const nodes = body.data?.proposals.edges.map((e: { node: unknown }) => e.node) as { id: string; kind: string; name: string | null; type: string | null; from: { name: string } | null }[];
    const role = nodes.find((p) => p.type === 'ROLE_AT' && p.from?.name === PERSON)!;
    const person = nodes.find((p) => p.kind === 'ENTITY' && p.name === PERSON)!;
    expect(role && person).toBeTruthy();
    const early = await graphql(yoga, 'mutation($id: ID!) { acceptProposal(id: $id) { id status } }', { id: role.id }, TOKEN);
    expect(early.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(early.body.errors?.[0]?.message).toContain(PERSON);
    expect(early.body.errors?.[0]?.message).toContain(person.id);

    const acceptedPerson = await graphql(yoga, 'mutation($id: ID!) { acceptProposal(id: $id) { status writtenId } }', { id: person.id }, TOKEN);
    expect(acceptedPerson.body.errors).toBeUndefined();
    const personId = acceptedPerson.body.data?.acceptProposal.writtenId as string;
    const acceptedRole = await graphql(
      yoga,
      'mutation($id: ID!, $e: ProposalEdit) { acceptProposal(id: $id, edit: $e) { status writtenId title validFrom } }',
      { id: role.id, e: { validFrom: '2026-03-01' } },
      TOKEN,
    );
    expect(acceptedRole.body.errors).toBeUndefined();
    expect(acceptedRole.body.data?.acceptProposal).toMatchObject({ status: 'ACCEPTED', title: 'direktør', validFrom: '2026-03-01' });

    const read = await graphql(
      yoga,
      `query($id: ID!) { entity(id: $id) { id name firstSeen evidence { quote document { id } } relationships(types: [ROLE_AT]) { edges { node { title validFrom firstSeen to { id } evidence { quote } } } } origin { createdBy } } }`,
      { id: personId },
    );
    expect(read.body.errors).toBeUndefined();
    const entity = read.body.data?.entity;
    expect(entity).toMatchObject({ name: PERSON, firstSeen: '2026-03-01', origin: { createdBy: `import:${DOC}` } });
    expect(entity.evidence[0]).toMatchObject({ document: { id: DOC } });
    expect(NOTE).toContain(entity.evidence[0].quote);
    const edge = entity.relationships.edges[0].node;
    expect(edge).toMatchObject({ title: 'direktør', validFrom: '2026-03-01', firstSeen: '2026-03-01', to: { id: 'org:helse-vest-ikt' } });
    expect(edge.evidence[0].quote).toContain(PERSON);

    const twice = await graphql(yoga, 'mutation($id: ID!) { acceptProposal(id: $id) { status } }', { id: person.id }, TOKEN);
    expect(twice.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('rejecting leaves no trace in the graph and is not proposed again; a changed text replaces mentions and pending proposals', async () => {
    const { body } = await graphql(yoga, `{ proposals(documentId: "${DOC}") { edges { node { id name } } } }`);
    const vendor = (body.data?.proposals.edges as { node: { id: string; name: string | null } }[]).map((e) => e.node).find((p) => p.name === VENDOR);
    expect(vendor).toBeTruthy();
    const entitiesBefore = await count('MATCH (n:Entity) RETURN count(n)', {});
    const rejected = await graphql(yoga, 'mutation($id: ID!) { rejectProposal(id: $id) { status } }', { id: vendor!.id }, TOKEN);
    expect(rejected.body.data?.rejectProposal.status).toBe('REJECTED');
    expect(await count('MATCH (n:Entity) RETURN count(n)', {})).toBe(entitiesBefore);
    expect(await count('MATCH (n:Entity) WHERE n.name = $name RETURN count(n)', { name: VENDOR })).toBe(0);

    // A changed version (a new sentence) proposes again from scratch, without what was rejected or accepted.
    const changed = `${NOTE}\n\nHelse Vest IKT har ansatt Per ${SURNAME}sen som ny teknologidirektør.`;
    const second = await importDoc({ id: DOC, title: 'Notat', text: changed, publishedAt: '2026-03-01', language: 'nb' });
    expect(second.body.errors).toBeUndefined();
    const result = second.body.data?.importDocument;
    expect(result.unchanged).toBe(false);
    const pending = (result.proposals as { status: string; name: string | null; from: { name: string } | null }[]).filter((p) => p.status === 'PENDING');
    expect(pending.map((p) => p.name)).not.toContain(VENDOR);
    expect(pending.map((p) => p.name)).not.toContain(PERSON);
    expect(pending.some((p) => (p.name ?? p.from?.name ?? '').includes(`${SURNAME}sen`))).toBe(true);
    expect(result.proposals.filter((p: { status: string }) => p.status === 'REJECTED')).toHaveLength(1);
    // The gazetteer saw the accepted person (the store's fingerprint changed): the new version mentions her.
    expect(result.mentions.map((m: { entity: { id: string } | null }) => m.entity?.id)).toContain(`person:${PERSON.toLowerCase().replace(' ', '-')}`);
    expect(await count('MATCH (p:Proposal {documentId: $id}) WHERE p.status = "PENDING" RETURN count(p)', { id: DOC })).toBe(pending.length);
  });

  it('accepts everything above a confidence: entities first, then relationships whose ends are stored', async () => {
    const accepted = await graphql(yoga, 'mutation($d: ID!) { acceptProposals(documentId: $d, minConfidence: 0.5) { kind status writtenId } }', { d: DOC }, TOKEN);
    expect(accepted.body.errors).toBeUndefined();
    const list = accepted.body.data?.acceptProposals as { kind: string; status: string; writtenId: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((p) => p.status === 'ACCEPTED' && p.writtenId)).toBe(true);
    const firstRelationship = list.findIndex((p) => p.kind === 'RELATIONSHIP');
    expect(firstRelationship === -1 || list.slice(firstRelationship).every((p) => p.kind === 'RELATIONSHIP')).toBe(true);
  });
});

describe('sources and listing', () => {
  it('a changed text from the same source URL replaces that document, without an id given', async () => {
    const source = `https://example.org/review-${RUN}`;
    const first = await importDoc({ title: 'Kilde', text: `Helse Vest IKT har ansatt Per ${SURNAME}berg som ny direktør.`, source });
    expect(first.body.errors).toBeUndefined();
    const id = first.body.data?.importDocument.document.id as string;
    touched.push(id);
    const second = await importDoc({ title: 'Kilde', text: `Helse Vest IKT har ansatt Per ${SURNAME}berg som ny teknologidirektør.`, source });
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data?.importDocument).toMatchObject({ unchanged: false, document: { id } });
    expect(await count('MATCH (d:Document {source: $source}) RETURN count(d)', { source })).toBe(1);
    const titles = (second.body.data?.importDocument.proposals as { title: string | null }[]).map((p) => p.title).filter(Boolean);
    expect(titles).not.toContain('direktør');
  });

  it('pages through pending proposals of every document with cursors, in document and text order, without repeats', async () => {
    const seen: { id: string; documentId: string; start: number }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const reply = await graphql(yoga, 'query($a: String) { proposals(first: 3, after: $a) { edges { node { id documentId start } } pageInfo { hasNextPage endCursor } } }', { a: after });
      expect(reply.body.errors).toBeUndefined();
      const connection = reply.body.data?.proposals;
      seen.push(...connection.edges.map((e: { node: { id: string; documentId: string; start: number } }) => e.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(new Set(seen.map((p) => p.id)).size).toBe(seen.length);
    const sorted = [...seen].sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start || (a.id < b.id ? -1 : 1)));
    expect(seen).toEqual(sorted);
    expect(seen.length).toBe(await count("MATCH (p:Proposal {status: 'PENDING'}) RETURN count(p)", {}));
    const bad = await graphql(yoga, '{ proposals(after: "nope") { edges { cursor } } }');
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('bad input: a clear error and nothing stored', () => {
  const bad = `doc:review-bad-${RUN}`;
  const nothingStored = async () => {
    expect(await count('MATCH (d:Document {id: $id}) RETURN count(d)', { id: bad })).toBe(0);
    expect(await count('MATCH (p:Proposal {documentId: $id}) RETURN count(p)', { id: bad })).toBe(0);
    expect(await count('MATCH (m:Mention {documentId: $id}) RETURN count(m)', { id: bad })).toBe(0);
  };

  it('refuses a write without a token', async () => {
    const { body } = await graphql(yoga, IMPORT, { d: { id: bad, title: 'x', text: 'Helse Vest IKT har ansatt Kari Nordmann.' } });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await nothingStored();
  });

  it.each([
    ['empty text', { title: 'Tom', text: '   \n ' }, /no text/],
    ['title only', { title: 'Bare tittel', text: 'Bare tittel' }, /only its title/],
    ['binary data', { title: 'Bilde', text: `PNG\u0000\u0001\u0002IHDR` }, /binary/],
    ['text decoded from another encoding', { title: 'Latin-1', text: `Helse Vest IKT ansetter ny direkt\ufffdr. ${'\ufffd'.repeat(20)}` }, /binary/],
    ['a bad date', { title: 'Dato', text: 'Helse Vest IKT har ansatt Kari Nordmann.', publishedAt: 'i fjor' }, /publishedAt/],
  ])('%s', async (_name, input, message) => {
    const { body } = await importDoc({ id: bad, ...input });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(message);
    await nothingStored();
  });

  it('a 5 MB text: over the request limit by default, over the document limit when the body limit allows it', async () => {
    const huge = 'Helse Vest IKT har ansatt Kari Nordmann som ny direktør. '.repeat(95_000);
    const refused = await importDoc({ id: bad, title: 'Stor', text: huge });
    expect(refused.status).toBe(413);
    const { body } = await importDoc({ id: bad, title: 'Stor', text: huge }, TOKEN, bigYoga);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/limit is 5 MB/);
    await nothingStored();
  });

  it('bytes in another encoding (a Latin-1 file) are refused, not turned into mojibake', async () => {
    const latin1 = Uint8Array.from(Buffer.from('Helse Vest IKT har ansatt Kari Nordmann som ny direktør.', 'latin1'));
    await expect(importArticle(db, { id: bad, title: 'Latin-1', text: latin1 }, { source: 'test', at: new Date().toISOString() })).rejects.toThrow(IntakeError);
    await nothingStored();
  });

  it('HTML with scripts imports cleanly: the script is not text, the quotes point into the stored text', async () => {
    const id = `doc:review-html-${RUN}`;
    touched.push(id);
    const html = `<html><head><script>alert("Ingrid ${SURNAME}")</script><style>p{}</style></head><body><p>Helse Vest IKT har ansatt Kari ${SURNAME}sdottir som ny direktør.</p><script>document.write('x')</script></body></html>`;
    const { body } = await importDoc({ id, title: 'HTML', text: html });
    expect(body.errors).toBeUndefined();
    const stored = await db.read((tx) => tx.run('MATCH (d:Document {id: $id}) RETURN d.text AS text', { id }));
    const text = String(stored.records[0]?.get('text'));
    expect(text).not.toMatch(/alert|script|document\.write|</);
    for (const p of body.data?.importDocument.proposals ?? []) expect(text.slice(p.start, p.end)).toBe(p.quote);
  });
});

describe('the gazetteer', () => {
  it('reads every entity in keyset pages: small pages give what one large page gives', async () => {
    const small = await readGazetteerEntries(db, 7);
    const large = await readGazetteerEntries(db, 100_000);
    expect(small.length).toBeGreaterThan(7);
    expect(small).toEqual(large);
  });
});
