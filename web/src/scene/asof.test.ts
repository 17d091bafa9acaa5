import { describe, expect, it } from 'vitest';
import { parseAsOf, withAsOf } from './asof.js';
import { apply } from './operations.js';
import { EMPTY_SCENE, type QueryRecord } from './scene.js';

const node = (id: string) => ({ id, kind: 'PERSON' as const, name: id, degree: 1 });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, type: 'KNOWS', source, target, title: null });

describe('time slider', () => {
  it('accepts the API’s dates only: year, year-month, day; empty is now', () => {
    expect(parseAsOf('2019')).toBe('2019');
    expect(parseAsOf(' 2019-05 ')).toBe('2019-05');
    expect(parseAsOf('2019-05-14')).toBe('2019-05-14');
    expect(parseAsOf('')).toBeNull();
    for (const bad of ['19', '2019-13', '2019-5', '2019-05-32', 'May 2019', '2019-05-14T00:00']) expect(parseAsOf(bad)).toBeUndefined();
  });

  it('puts the date into every scene query, and takes it out again for now', () => {
    const queries: QueryRecord[] = [
      { op: 'graph', variables: { limit: 300 } },
      { op: 'neighbourhood', variables: { ids: ['a'], depth: 1, limit: 200, asOf: '2001' } },
      { op: 'shortestPath', variables: { from: 'a', to: 'b', all: true } },
    ];
    expect(withAsOf(queries, '2019-05').map((q) => q.variables.asOf)).toEqual(['2019-05', '2019-05', '2019-05']);
    expect(withAsOf(queries, null).every((q) => !('asOf' in q.variables))).toBe(true);
  });

  it('rebuilds the scene from the re-dated answers, keeping positions, hidden items and the selection that remain', () => {
    let scene = apply(EMPTY_SCENE, {
      type: 'add',
      subgraph: { nodes: [node('a'), node('b'), node('c')], edges: [edge('a', 'b'), edge('b', 'c')], truncated: false },
      positions: new Map([['a', { x: 0, y: 0 }], ['b', { x: 10, y: 0 }], ['c', { x: 20, y: 0 }]]),
      query: { op: 'graph', variables: { limit: 300 } },
    });
    scene = apply(scene, { type: 'hide', ids: ['a', 'c'] });
    scene = apply(scene, { type: 'select', ids: ['b', 'c'] });
    // In 2019 the documents knew of a and b only.
    const past = apply(scene, { type: 'setAsOf', asOf: '2019', answers: [{ nodes: [node('a'), node('b')], edges: [edge('a', 'b')], truncated: false }] });
    expect([...past.nodes.keys()]).toEqual(['a', 'b']);
    expect([...past.edges.keys()]).toEqual(['a-b']);
    expect(past.positions.get('b')).toEqual({ x: 10, y: 0 });
    expect([...past.hidden]).toEqual(['a']);
    expect(past.selection).toEqual(['b']);
    expect(past.queries).toEqual([{ op: 'graph', variables: { limit: 300, asOf: '2019' } }]);
    // Back to now: c returns, at a position the controller placed.
    const now = apply(past, {
      type: 'setAsOf',
      asOf: null,
      answers: [{ nodes: [node('a'), node('b'), node('c'), node('d')], edges: [edge('a', 'b'), edge('b', 'c')], truncated: false }],
      positions: new Map([['d', { x: 30.4, y: 5 }]]),
    });
    expect(now.asOf).toBeNull();
    expect(now.positions.get('d')).toEqual({ x: 30, y: 5 });
    expect(now.positions.get('c')).toEqual({ x: 20, y: 0 });
    expect(now.queries).toEqual([{ op: 'graph', variables: { limit: 300 } }]);
  });
});
