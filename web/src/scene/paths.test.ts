import { describe, expect, it } from 'vitest';
import { apply } from './operations.js';
import { shortestPath } from './paths.js';
import { EMPTY_SCENE } from './scene.js';

const n = (id: string) => ({ id, kind: 'ORGANISATION' as const, name: id, degree: 1 });
const e = (source: string, target: string) => ({ id: `${source}>${target}`, type: 'RUNS', source, target, title: null });
const scene = apply(EMPTY_SCENE, {
  type: 'add',
  subgraph: { nodes: ['a', 'b', 'c', 'd', 'x'].map(n), edges: [e('a', 'b'), e('c', 'b'), e('c', 'd'), e('a', 'd')], truncated: false },
  positions: new Map(),
});

describe('shortestPath', () => {
  it('finds the shortest route, edges in either direction', () => {
    expect(shortestPath(scene, 'a', 'c')).toEqual({ nodes: ['a', 'b', 'c'], edges: ['a>b', 'c>b'] });
    expect(shortestPath(scene, 'a', 'a')).toEqual({ nodes: ['a'], edges: [] });
  });

  it('only walks what is shown, and says when there is no path', () => {
    const hidden = apply(scene, { type: 'hide', ids: ['b'] });
    expect(shortestPath(hidden, 'a', 'c')).toEqual({ nodes: ['a', 'd', 'c'], edges: ['a>d', 'c>d'] });
    expect(shortestPath(scene, 'a', 'x')).toBeNull();
    expect(shortestPath(hidden, 'a', 'b')).toBeNull();
  });
});
