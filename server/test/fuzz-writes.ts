/**
 * The write side of the fuzzer: a fixture of its own to aim mutations at, bundles for `importGraph` (well-formed
 * or broken), the store's invariants as Cypher, a fingerprint of everything else, and the cleanup.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Database } from '../src/db/driver.js';
import { refreshDegrees } from '../src/write/relationships.js';
import type { WriteScope } from './fuzz.js';
import { removeImportedDocuments } from './harness.js';

type Send = (query: string, variables: Record<string, unknown>) => Promise<{ data?: Record<string, any> | null; errors?: unknown[] }>;

const RELATIONSHIP_TYPES = ['ROLE_AT', 'PART_OF', 'RUNS', 'SUPPLIES', 'COLLABORATES_WITH', 'LOCATED_IN', 'NOT_A_TYPE'];

/** The fixture's document: every name in it carries the marker (so ids made from them do too) and occurs once. */
function baseText(m: string): string[] {
  return [`Kari ${m} er direktør i Org ${m} AS.`, `Ola ${m} er rådgiver i selskapet.`, `Selskapet er en del av Konsern ${m}.`, `Prog ${m} ble startet i 2019.`];
}

/** Articles for `importDocument`: names the extractor proposes (with the marker), roles, dates. */
function articles(m: string): string[] {
  const M = m.charAt(0).toUpperCase() + m.slice(1);
  return [
    `Per ${M} er daglig leder i Teknikk ${M} AS. Per ${M} ble ansatt i 2019.`,
    `Anne ${M} er styreleder i Org ${m} AS.\n\nKari ${m} er direktør i Org ${m} AS.`,
    `# Nytt fra ${M}\n\nLise ${M} er rådgiver i Konsern ${m}. Hun begynte i mai 2021.`,
    `<p>Tor ${M} er prosjektleder i Prog ${m}.</p><script>alert(1)</script>`,
  ];
}

/** A scene state as the page writes it: the packed scene, deflated, base64url. */
function sceneState(ids: readonly string[]): string {
  const packed = { v: 1, q: [['n', { ids: ids.slice(0, 1), depth: 1, limit: 200 }]], n: ids, p: ids.flatMap((_, i) => [i * 40, -i * 20]) };
  return deflateSync(Buffer.from(JSON.stringify(packed))).toString('base64url');
}

/** Creates the fixture through the API (with the write token) and returns the scope the fuzzer stays in. */
export async function createFixture(send: Send, m: string, db: Database): Promise<WriteScope> {
  const base = `doc:${m}-base`;
  const [kari, ola, org, group] = [`person:${m}-kari`, `person:${m}-ola`, `org:${m}-org`, `org:${m}-group`];
  const text = baseText(m);
  const bundle = {
    documents: [{ id: base, title: `Grunnlag ${m}`, text: text.join('\n'), publishedAt: '2024' }],
    document: base,
    entities: [
      { id: kari, kind: 'PERSON', name: `Kari ${m}`, evidence: [{ quote: `Kari ${m}` }] },
      { id: ola, kind: 'PERSON', name: `Ola ${m}`, evidence: [{ quote: `Ola ${m}` }] },
      { id: org, kind: 'ORGANISATION', name: `Org ${m} AS`, evidence: [{ quote: `Org ${m} AS` }] },
      { id: group, kind: 'ORGANISATION', name: `Konsern ${m}`, evidence: [{ quote: `Konsern ${m}` }] },
    ],
    relationships: [
      { type: 'ROLE_AT', source: kari, target: org, title: 'direktør', evidence: [{ quote: text[0] }] },
      { type: 'ROLE_AT', source: ola, target: org, title: 'rådgiver', evidence: [{ quote: text[1] }] },
      { type: 'PART_OF', source: org, target: group, evidence: [{ quote: text[2] }] },
    ],
  };
  const imported = await send('mutation($b: JSON!) { importGraph(bundle: $b, name: "fixture") { entities { created } } }', { b: bundle });
  if (imported.errors) throw new Error(`fixture bundle: ${JSON.stringify(imported.errors)}`);
  const article = await send('mutation($d: DocumentInput!) { importDocument(input: $d) { document { id } proposals { id } } }', {
    d: { id: `doc:${m}-article`, title: `Artikkel ${m}`, text: articles(m)[0], publishedAt: '2024-05' },
  });
  if (article.errors) throw new Error(`fixture article: ${JSON.stringify(article.errors)}`);
  const proposals = (article.data!.importDocument.proposals as { id: string }[]).map((p) => p.id);
  const scene = await send('mutation($s: SceneInput!) { saveScene(input: $s) { id } }', { s: { name: `Scene ${m}`, state: sceneState([kari, org]) } });
  if (scene.errors) throw new Error(`fixture scene: ${JSON.stringify(scene.errors)}`);
  const found = await db.read((tx) => tx.run('MATCH (:Entity)-[r]->(:Entity) WHERE r.id CONTAINS $m RETURN collect(r.id) AS ids', { m }));
  const relationships = found.records[0]!.get('ids') as string[];
  const entities = [kari, ola, org, group];
  const documents = [base, `doc:${m}-article`];
  return {
    marker: m,
    ids: [...entities, ...relationships, ...documents, ...proposals, scene.data!.saveScene.id as string],
    plausible: {
      quote: [...text, `Kari ${m}`, `Org ${m} AS`, `Konsern ${m}`, 'direktør', `${m}`],
      text: [...articles(m), text.join('\n'), `${text.join('\n')}\nEn ny linje.`, `Endret. ${text.join('\n')}`],
      state: [sceneState([kari, org]), sceneState([...entities, 'person:gro-jaere']), sceneState([])],
      type: RELATIONSHIP_TYPES,
      documentId: documents,
      factId: [...entities, ...relationships],
      source: entities,
      target: entities,
      keepId: entities,
      removeId: entities,
      fromId: entities,
      toId: entities,
      start: [null],
      supports: [null, 'alias', 'vision'],
      aliases: [`Alias ${m}`, `Kari ${m}`],
      description: [null, `Beskrivelse av ${m}.`],
      properties: [null, { vision: `Visjon ${m}` }, { when: '2024' }, { fullName: `Fullt navn ${m}` }, { vision: null }],
      language: [null, 'nb', 'nn'],
      minConfidence: [0, 0.5, 0.9, 1, -1, 2],
      publishedAt: ['2024', '2024-05', '2024-05-14', '2024-13', 'i fjor'],
      validFrom: ['2019', '2019-05', '2019-05-14', '2019-02-30'],
      validTo: ['2020', '2018', '2019-05'],
    },
    bundle: (random) => bundleFor(m, base, text, entities, random),
  };
}

/** A bundle for `importGraph`: new people in a new document tied to the fixture, then often broken on purpose. */
function bundleFor(m: string, base: string, text: readonly string[], fixture: readonly string[], random: () => number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const k = Math.floor(random() * 6); // a few bundles recur, so re-imports (nothing changes) are fuzzed too
  const doc = `doc:${m}-b${k}`;
  const people = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => ({ id: `person:${m}-b${k}-${i}`, name: `Navn${i} B${k} ${m}` }));
  const sentences = people.map((p) => `${p.name} er leder i Org ${m} AS.`);
  const bundle: Record<string, any> = {
    documents: [{ id: doc, title: `Bunt ${k} ${m}`, text: sentences.join('\n') }],
    document: doc,
    entities: [
      ...people.map((p) => ({ id: p.id, kind: 'PERSON', name: p.name, evidence: [{ quote: p.name }] })),
      { id: `org:${m}-org`, kind: 'ORGANISATION', name: `Org ${m} AS`, evidence: [{ quote: `Org ${m} AS`, document: base }] },
    ],
    relationships: people.map((p, i) => ({ type: 'ROLE_AT', source: p.id, target: `org:${m}-org`, title: 'leder', evidence: [{ quote: sentences[i] }] })),
  };
  const breakages: ((b: Record<string, any>) => void)[] = [
    (b) => delete pick<Record<string, unknown>>(b.entities)[pick(['kind', 'name', 'evidence', 'id'])],
    (b) => delete (b.relationships[0] ?? {})[pick(['type', 'source', 'target', 'evidence'])],
    (b) => (pick<Record<string, unknown>>(b.entities).kind = 'NOT_A_KIND'),
    (b) => b.entities.push({ ...b.entities[0], name: `Annen ${m}` }),
    (b) => b.relationships.push({ type: 'ROLE_AT', source: people[0]!.id, target: `person:${m}-missing`, evidence: [{ quote: sentences[0] }] }),
    (b) => (b.entities[0].evidence = [{ quote: `ikke i teksten ${m}` }]),
    (b) => (b.entities[0].evidence = [{ quote: text[0], document: `doc:${m}-missing` }]),
    (b) => (b.entities[0].evidence = [{ quote: people[0]!.name, start: 9999 }]),
    (b) => (b.extra = { x: 1 }),
    (b) => (b.documents[0].id = pick([`${m}-not-a-doc-id`, '', `doc:${'x'.repeat(600)}`])),
    (b) => delete b.document,
    (b) => (b.documents[0].text = pick(['', 5, null])),
    (b) => (pick<Record<string, unknown>>(b.relationships).type = pick(RELATIONSHIP_TYPES)),
    (b) => (b.entities[0].kind = 'ORGANISATION'), // a person already stored as a person: a kind change
    (b) => b.relationships.push({ type: 'ROLE_AT', source: pick(fixture), target: pick(fixture), evidence: [{ quote: text[0], document: base }] }),
    (b) => (b.entities[0].name = pick(['', ' ', 'x'.repeat(20_000), '\u0000', null, 7])),
    (b) => (b.entities = pick([null, 'x', {}, [null], [1]])),
    (b) => (b.entities[0].properties = { vision: pick(['Visjon', 5, null]), unknown: 1 }),
    (b) => (b.relationships[0] = { ...b.relationships[0], validFrom: pick(['2019', '2019-13', 'x']), validTo: pick(['2018', '2020']) }),
  ];
  if (random() < 0.7) {
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i += 1) {
      try {
        pick(breakages)(bundle);
      } catch {
        // A breakage that found nothing to break (an earlier one removed it) leaves the bundle as it is.
      }
    }
  }
  return bundle;
}

/**
 * Half-written or dangling state anywhere in the store, by kind; every count must be 0. A fact without a
 * quote, a quote of a missing document or fact or off its document's text, a record of a missing document, a
 * stored degree that is not the count of relationships, a merge record pointing at nothing.
 */
export async function invariantViolations(db: Database): Promise<Record<string, number>> {
  const result = await db.read((tx) =>
    tx.run(`MATCH (n:Entity) WITH collect(n.id) AS entityIds
OPTIONAL MATCH ()-[r]->() WHERE r.id IS NOT NULL
WITH entityIds, collect(r.id) AS relationshipIds
RETURN
  COUNT { MATCH (a)-[r]->(b) WHERE r.id IS NOT NULL AND NOT (a:Entity AND b:Entity) } AS relationshipsWithoutBothEnds,
  COUNT { MATCH (:Entity)-[r]->(:Entity) WHERE r.id IS NULL } AS relationshipsWithoutId,
  COUNT { MATCH (:Entity)-[r]->(:Entity) WHERE NOT EXISTS { MATCH (:Evidence {factId: r.id}) } } AS relationshipsWithoutEvidence,
  COUNT { MATCH (n:Entity) WHERE NOT EXISTS { MATCH (:Evidence {factId: n.id}) } } AS entitiesWithoutEvidence,
  COUNT { MATCH (e:Evidence) WHERE NOT EXISTS { MATCH (:Document {id: e.documentId}) } } AS evidenceWithoutDocument,
  COUNT { MATCH (e:Evidence) WHERE NOT e.factId IN entityIds AND NOT e.factId IN relationshipIds } AS evidenceWithoutFact,
  COUNT { MATCH (e:Evidence), (d:Document {id: e.documentId}) WHERE substring(d.text, e.start, e.end - e.start) <> e.quote } AS quotesOffTheirText,
  COUNT { MATCH (p:Proposal) WHERE NOT EXISTS { MATCH (:Document {id: p.documentId}) } } AS proposalsWithoutDocument,
  COUNT { MATCH (m:Mention) WHERE NOT EXISTS { MATCH (:Document {id: m.documentId}) } } AS mentionsWithoutDocument,
  COUNT { MATCH (n:Entity) WHERE n.degree <> COUNT { (n)--(:Entity) } } AS wrongDegrees,
  COUNT { MATCH (t:Tombstone) WHERE t.mergedInto IS NOT NULL AND NOT t.mergedInto IN entityIds } AS mergesIntoNothing`),
  );
  const record = result.records[0]!;
  return Object.fromEntries(record.keys.map((key) => [String(key), Number(record.get(key))]));
}

/** A fingerprint of the whole store (counts per label, relationships, every entity's content and degree). */
export async function storeFingerprint(db: Database): Promise<string> {
  const result = await db.read((tx) =>
    tx.run(`CALL { MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS c ORDER BY label }
WITH collect([label, c]) AS labels
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL { MATCH (n:Entity) RETURN n.id AS id, n.name AS name, n.kind AS kind, n.aliases AS aliases, n.description AS description, n.degree AS degree ORDER BY id }
RETURN labels, relationships, collect([id, name, kind, aliases, description, degree]) AS entities`),
  );
  const record = result.records[0]!;
  return createHash('sha256').update(JSON.stringify(record.toObject())).digest('hex');
}

/**
 * Removes everything the pass wrote: the documents it made with what their imports and accepted proposals wrote,
 * what its token wrote (`api:<token name>...`), merge and deletion records of its ids; then the stored counts of
 * entities that were linked to any of it are recomputed.
 */
export async function removeFuzzData(db: Database, marker: string, tokenName: string): Promise<void> {
  const by = `api:${tokenName}`;
  const docs = await db.read((tx) => tx.run('MATCH (d:Document) WHERE d.createdBy STARTS WITH $by OR d.id CONTAINS $marker RETURN collect(d.id) AS ids', { by, marker }));
  await removeImportedDocuments(db, docs.records[0]!.get('ids') as string[]);
  await db.write(async (tx) => {
    const owned = 'x.createdBy STARTS WITH $by OR x.id CONTAINS $marker';
    const relationships = await tx.run(`MATCH (a:Entity)-[x]->(b:Entity) WHERE ${owned} WITH x, x.id AS id, a.id AS a, b.id AS b DELETE x RETURN id, a, b`, { by, marker });
    const entities = await tx.run(`MATCH (x:Entity) WHERE ${owned} OPTIONAL MATCH (x)--(m:Entity) RETURN x.id AS id, collect(m.id) AS neighbours`, { by, marker });
    const ids = entities.records.map((record) => String(record.get('id')));
    await tx.run('MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', { ids });
    const facts = [...ids, ...relationships.records.map((record) => String(record.get('id')))];
    await tx.run('MATCH (e:Evidence) WHERE e.factId IN $facts OR e.addedBy STARTS WITH $by DELETE e', { facts, by });
    await tx.run('MATCH (t:Tombstone) WHERE t.id IN $facts OR t.mergedInto IN $facts OR t.id CONTAINS $marker OR t.deletedBy STARTS WITH $by DELETE t', { facts, marker, by });
    await tx.run('MATCH (s:Scene) WHERE s.createdBy STARTS WITH $by OR s.updatedBy STARTS WITH $by DELETE s', { by });
    const linked = [
      ...relationships.records.flatMap((record) => [String(record.get('a')), String(record.get('b'))]),
      ...entities.records.flatMap((record) => record.get('neighbours') as string[]),
    ].filter((id) => !ids.includes(id));
    await refreshDegrees(tx, [...new Set(linked)]);
  });
}
