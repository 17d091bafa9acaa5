import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sceneStateProblem } from '../../../common/scene-state.js';
import { decodeSceneState } from '../write/scenes.js';
import { decodeSceneCursor, sceneCursor, scenePageQuery } from './queries.js';

const scene = { v: 1, q: [['g', { limit: 300 }]], n: ['a', 'b'], p: [0, 0, null, null], h: [1], k: ['PERSON'], s: ['a'], a: '2019' };
const encode = (value: unknown) => deflateSync(Buffer.from(JSON.stringify(value))).toString('base64url');

describe('the scene state format', () => {
  it('accepts what the page packs, and names what is wrong with anything else', () => {
    expect(sceneStateProblem(scene)).toBeNull();
    expect(sceneStateProblem({ ...scene, v: 2 })).toMatch(/version/);
    expect(sceneStateProblem({ ...scene, q: [['x', {}]] })).toMatch(/^q /);
    expect(sceneStateProblem({ ...scene, p: [0, 0, 1] })).toMatch(/^p /);
    expect(sceneStateProblem({ ...scene, h: [1.5] })).toMatch(/^h /);
    expect(sceneStateProblem({ ...scene, a: 2019 })).toMatch(/^a /);
    expect(sceneStateProblem([])).toBe('not an object');
  });

  it('is decoded on the server as the page decodes it, within a bounded inflate', () => {
    expect(decodeSceneState(encode(scene))).toEqual({ scene });
    expect(decodeSceneState('')).toEqual({ problem: 'is empty' });
    expect(decodeSceneState('a+b')).toMatchObject({ problem: expect.stringMatching(/base64url/) });
    expect(decodeSceneState(Buffer.from('{}').toString('base64url'))).toMatchObject({ problem: expect.stringMatching(/deflated/) });
    expect(decodeSceneState(encode({ ...scene, n: ['x'.repeat(2_000_000)] }))).toMatchObject({ problem: expect.stringMatching(/inflates past/) });
  });
});

describe('the scenes listing', () => {
  it('pages by a cursor that holds the sort key and the id', () => {
    const item = { id: 'scene:1', name: 'B', description: null, entityCount: 2, createdAt: null, createdBy: null, updatedAt: '2026-11-26T10:00:00.000Z', updatedBy: null };
    expect(decodeSceneCursor(sceneCursor(item, 'NAME'))).toEqual(['B', 'scene:1']);
    expect(decodeSceneCursor(sceneCursor(item, 'UPDATED'))).toEqual(['2026-11-26T10:00:00.000Z', 'scene:1']);
    expect(decodeSceneCursor('nonsense')).toBeUndefined();
  });

  it('reads newest first or by name, one more than a page, never the states', () => {
    const newest = scenePageQuery('UPDATED', 10, ['2026-11-26T10:00:00.000Z', 'scene:1']);
    expect(newest.cypher).toMatch(/ORDER BY s\.updatedAt DESC, s\.id DESC LIMIT \$limit/);
    expect(newest.cypher).toMatch(/s\.updatedAt <= \$afterKey AND \(s\.updatedAt < \$afterKey OR s\.id < \$afterId\)/);
    expect(Number(newest.params.limit)).toBe(11);
    const byName = scenePageQuery('NAME', 10, null);
    expect(byName.cypher).toMatch(/ORDER BY s\.name ASC, s\.id ASC/);
    expect(byName.params.afterKey).toBeNull();
    expect(byName.cypher).not.toMatch(/\.state/);
  });
});
