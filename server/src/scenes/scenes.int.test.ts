import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql, testDatabase, testYoga } from '../../test/harness.js';

const RUN = randomUUID().slice(0, 8);
const TOKEN = `scene-token-${RUN}-0123456789`;
const db = testDatabase();
const yoga = testYoga(db, { writeTokens: [{ name: 'analyst', token: TOKEN }] });
const name = (suffix: string) => `Scene ${RUN} ${suffix}`;

/** A state as the page writes it: the packed scene, deflated (zlib), base64url. */
const state = (nodeIds: string[], extra: Record<string, unknown> = {}): string =>
  deflateSync(
    Buffer.from(JSON.stringify({ v: 1, q: [['n', { ids: nodeIds.slice(0, 1), depth: 1, limit: 200 }]], n: nodeIds, p: nodeIds.flatMap((_, i) => [i * 40, -i * 20]), ...extra })),
  ).toString('base64url');

const SAVE = `mutation($input: SceneInput!) { saveScene(input: $input) { id name description state entityCount createdAt createdBy updatedAt updatedBy } }`;
const LIST = `query($first: Int, $after: String, $orderBy: SceneOrder) {
  scenes(first: $first, after: $after, orderBy: $orderBy) { edges { cursor node { id name entityCount updatedAt } } pageInfo { hasNextPage endCursor } totalCount }
}`;
const save = (input: Record<string, unknown>) => graphql(yoga, SAVE, { input }, TOKEN);

afterAll(async () => {
  await db.write((tx) => tx.run('MATCH (s:Scene) WHERE s.name CONTAINS $run DELETE s', { run: RUN }));
  await db.close();
});

describe('saved scenes', () => {
  it('saves a scene, reopens it by id with its state, and stamps who saved it', async () => {
    const saved = await save({ name: `  ${name('roles')}  `, description: 'Who leads what', state: state(['org:sykehuspartner', 'person:gro-jaere']) });
    expect(saved.body.errors).toBeUndefined();
    const scene = saved.body.data!.saveScene;
    expect(scene).toMatchObject({ name: name('roles'), description: 'Who leads what', entityCount: 2, createdBy: 'api:analyst', updatedBy: 'api:analyst' });
    expect(scene.id).toMatch(/^scene:[0-9a-f-]{36}$/);
    const reopened = await graphql(yoga, 'query($id: ID!) { scene(id: $id) { id name state entityCount } }', { id: scene.id });
    expect(reopened.body.data!.scene).toEqual({ id: scene.id, name: name('roles'), state: scene.state, entityCount: 2 });
    expect((await graphql(yoga, '{ scene(id: "scene:none") { id } }')).body.data!.scene).toBeNull();
  });

  it('overwrites a scene saved under the same name, keeping its id and creation stamps', async () => {
    const first = (await save({ name: name('overwrite'), state: state(['org:sykehuspartner']) })).body.data!.saveScene;
    const second = (await save({ name: name('overwrite'), state: state(['org:sykehuspartner', 'vendor:epic', 'person:gro-jaere']) })).body.data!.saveScene;
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.entityCount).toBe(3);
    expect(second.state).not.toBe(first.state);
    const stored = await db.read((tx) => tx.run('MATCH (s:Scene {name: $name}) RETURN count(s) AS n', { name: name('overwrite') }));
    expect(Number(stored.records[0]?.get('n'))).toBe(1);
  });

  it('lists scenes in pages by name and newest first, each scene exactly once', async () => {
    for (const suffix of ['page-c', 'page-a', 'page-b']) expect((await save({ name: name(suffix), state: state(['vendor:epic']) })).body.errors).toBeUndefined();
    const walk = async (orderBy: string): Promise<string[]> => {
      const names: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 1000; pages++) {
        const page: any = (await graphql(yoga, LIST, { first: 2, after, orderBy })).body.data!.scenes;
        names.push(...page.edges.map((e: any) => e.node.name));
        expect(page.totalCount).toBeGreaterThanOrEqual(5);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      return names.filter((n) => n.includes(RUN));
    };
    const byName = await walk('NAME');
    expect(byName.filter((n) => n.includes('page-'))).toEqual([name('page-a'), name('page-b'), name('page-c')]);
    expect(new Set(byName).size).toBe(byName.length);
    const newest = await walk('UPDATED');
    expect(newest.filter((n) => n.includes('page-'))).toEqual([name('page-b'), name('page-a'), name('page-c')]);
    // The default order is newest first; a listed scene's state is read when asked for.
    const listed = (await graphql(yoga, '{ scenes(first: 1) { edges { node { name state } } } }')).body.data!.scenes.edges[0].node;
    expect(listed).toEqual({ name: name('page-b'), state: state(['vendor:epic']) });
    const bad = await graphql(yoga, LIST, { after: 'nonsense' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('deletes a scene by id; deleting it again answers false', async () => {
    const { id } = (await save({ name: name('delete'), state: state(['vendor:epic']) })).body.data!.saveScene;
    const deleted = await graphql(yoga, 'mutation($id: ID!) { deleteScene(id: $id) }', { id }, TOKEN);
    expect(deleted.body.data!.deleteScene).toBe(true);
    expect((await graphql(yoga, 'query($id: ID!) { scene(id: $id) { id } }', { id })).body.data!.scene).toBeNull();
    expect((await graphql(yoga, 'mutation($id: ID!) { deleteScene(id: $id) }', { id }, TOKEN)).body.data!.deleteScene).toBe(false);
  });

  it('refuses to save or delete without a write token, and writes nothing', async () => {
    for (const token of [undefined, 'wrong-token-0123456789']) {
      const refused = await graphql(yoga, SAVE, { input: { name: name('anonymous'), state: state(['vendor:epic']) } }, token);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const { id } = (await save({ name: name('kept'), state: state(['vendor:epic']) })).body.data!.saveScene;
    const refusedDelete = await graphql(yoga, 'mutation($id: ID!) { deleteScene(id: $id) }', { id });
    expect(refusedDelete.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const stored = await db.read((tx) => tx.run('MATCH (s:Scene) WHERE s.name IN $names RETURN collect(s.name) AS names', { names: [name('anonymous'), name('kept')] }));
    expect(stored.records[0]?.get('names')).toEqual([name('kept')]);
  });

  it('refuses oversized, malformed and unnamed scenes, naming the field', async () => {
    const code = async (input: Record<string, unknown>) => {
      const { body } = await save(input);
      return [body.errors?.[0]?.extensions?.code, body.errors?.[0]?.extensions?.field ?? body.errors?.[0]?.extensions?.argument];
    };
    // Over the cap: refused by the argument limits before any resolver runs.
    expect((await code({ name: name('big'), state: 'A'.repeat(65_537) }))[0]).toBe('BAD_USER_INPUT');
    // Under the cap, but not a scene: random bytes, plain JSON, a zip bomb, a scene of the wrong shape.
    expect(await code({ name: name('bytes'), state: 'not-a-deflated-scene' })).toEqual(['BAD_USER_INPUT', 'input.state']);
    expect(await code({ name: name('padded'), state: 'eJw=' })).toEqual(['BAD_USER_INPUT', 'input.state']);
    expect(await code({ name: name('json'), state: Buffer.from('{"v":1}').toString('base64url') })).toEqual(['BAD_USER_INPUT', 'input.state']);
    const bomb = deflateSync(Buffer.from(JSON.stringify({ v: 1, q: [], n: ['x'.repeat(3_000_000)], p: [0, 0] }))).toString('base64url');
    expect(bomb.length).toBeLessThan(65_536);
    expect(await code({ name: name('bomb'), state: bomb })).toEqual(['BAD_USER_INPUT', 'input.state']);
    expect(await code({ name: name('shape'), state: state(['vendor:epic'], { p: [1] }) })).toEqual(['BAD_USER_INPUT', 'input.state']);
    expect(await code({ name: '   ', state: state(['vendor:epic']) })).toEqual(['BAD_USER_INPUT', 'input.name']);
    expect((await code({ name: 'x'.repeat(101), state: state(['vendor:epic']) }))[0]).toBe('BAD_USER_INPUT');
    const stored = await db.read((tx) => tx.run("MATCH (s:Scene) WHERE s.name CONTAINS $run AND s.name =~ '.*(big|bytes|padded|json|bomb|shape)$' RETURN count(s) AS n", { run: RUN }));
    expect(Number(stored.records[0]?.get('n'))).toBe(0);
  });

  it('stays out of the graph: stats, search, entity listings and overviews never see a scene', async () => {
    const STATS = '{ stats { entities relationships documents evidence } }';
    const before = (await graphql(yoga, STATS)).body.data!.stats;
    const word = `Qscene${RUN.replace(/[^a-f]/g, '')}`;
    expect((await save({ name: `${word} ${name('hidden')}`, description: word, state: state(['vendor:epic']) })).body.errors).toBeUndefined();
    expect((await graphql(yoga, STATS)).body.data!.stats).toEqual(before);
    expect((await graphql(yoga, 'query($q: String!) { search(query: $q) { entity { id } } }', { q: word })).body.data!.search).toEqual([]);
    const listed = await graphql(yoga, 'query($w: String!) { entities(filter: { nameContains: $w }) { totalCount } }', { w: word });
    expect(listed.body.data!.entities.totalCount).toBe(0);
    const overview = await graphql(yoga, '{ graph(limit: 1000) { nodes { id } } }');
    expect(overview.body.data!.graph.nodes.some((n: { id: string }) => n.id.startsWith('scene:'))).toBe(false);
    const labels = await db.read((tx) => tx.run('MATCH (s:Scene) WHERE s.name CONTAINS $run RETURN collect(DISTINCT labels(s)) AS labels', { run: RUN }));
    expect(labels.records[0]?.get('labels')).toEqual([['Scene']]);
  });
});
