import { describe, expect, it } from 'vitest';
import type { EntityKind, Subgraph } from '../model.js';
import { SceneHistory } from './history.js';
import { DRAFT_ABOVE, layout, placeNew, SPREAD_CELL, spreadOnLattice } from './layout.js';
import { apply, type Operation } from './operations.js';
import { decodeLink, encodeLink, pack, restore, toLink, unpack } from './permalink.js';
import { EMPTY_SCENE, statusLine, visible, type Scene } from './scene.js';

const node = (id: string, kind: EntityKind = 'ORGANISATION', degree = 1) => ({ id, kind, name: id.toUpperCase(), degree });
const edge = (source: string, target: string, type = 'RUNS') => ({ id: `${source}-${type}-${target}`, type, source, target, title: null });

const star: Subgraph = {
  nodes: [node('hub', 'ORGANISATION', 4), node('a', 'PERSON'), node('b', 'PERSON'), node('c', 'PROGRAMME'), node('d', 'TOPIC')],
  edges: [edge('a', 'hub', 'ROLE_AT'), edge('b', 'hub', 'ROLE_AT'), edge('hub', 'c'), edge('hub', 'd', 'DISCUSSED')],
  truncated: false,
};

function sceneOf(subgraph: Subgraph = star): Scene {
  const s = apply(EMPTY_SCENE, { type: 'add', subgraph, positions: new Map(), query: { op: 'graph', variables: { limit: 300 } } });
  return apply(s, { type: 'move', positions: layout(s, 'fcose') });
}

describe('scene operations', () => {
  it('add merges nodes and edges once, drops dangling edges, records the query', () => {
    let s = sceneOf();
    s = apply(s, {
      type: 'add',
      subgraph: { nodes: [node('a', 'PERSON'), node('e')], edges: [edge('e', 'hub'), edge('e', 'missing')], truncated: true },
      positions: new Map([['e', { x: 1.4, y: 2.6 }]]),
      query: { op: 'neighbourhood', variables: { ids: ['hub'], depth: 1, limit: 200 } },
    });
    expect(s.nodes.size).toBe(6);
    expect(s.edges.size).toBe(5);
    expect(s.positions.get('e')).toEqual({ x: 1, y: 3 });
    expect(s.queries.map((q) => q.op)).toEqual(['graph', 'neighbourhood']);
    expect(s.truncated).toBe(true);
  });

  it('remove takes a node with its edges and its selection; the old scene is untouched', () => {
    const before = apply(sceneOf(), { type: 'select', ids: ['a'] });
    const after = apply(before, { type: 'remove', ids: ['a'] });
    expect(after.nodes.has('a')).toBe(false);
    expect([...after.edges.keys()]).not.toContain('a-ROLE_AT-hub');
    expect(after.selection).toEqual([]);
    expect(before.nodes.has('a')).toBe(true);
    expect(before.selection).toEqual(['a']);
  });

  it('hide, hide others, kind and type filters and show all change what is visible', () => {
    const s = sceneOf();
    expect(visible(apply(s, { type: 'hide', ids: ['hub'] }))).toEqual({ nodes: ['a', 'b', 'c', 'd'], edges: [] });
    expect(visible(apply(s, { type: 'hideOthers', ids: ['a', 'hub'] }))).toEqual({ nodes: ['hub', 'a'], edges: ['a-ROLE_AT-hub'] });
    const noPeople = apply(s, { type: 'setKindVisible', kind: 'PERSON', visible: false });
    expect(visible(noPeople).nodes).toEqual(['hub', 'c', 'd']);
    const noRoles = apply(s, { type: 'setTypeVisible', relType: 'ROLE_AT', visible: false });
    expect(visible(noRoles).edges).toEqual(['hub-RUNS-c', 'hub-DISCUSSED-d']);
    expect(visible(apply(apply(s, { type: 'hide', ids: ['c', 'd'] }), { type: 'show', ids: ['c'] })).nodes).toEqual(['hub', 'a', 'b', 'c']);
    const back = apply(apply(noPeople, { type: 'hide', ids: ['c'] }), { type: 'showAll' });
    expect(visible(back)).toEqual(visible(s));
  });

  it('filtering a selected node away deselects it', () => {
    const s = apply(sceneOf(), { type: 'select', ids: ['a', 'hub'] });
    expect(apply(s, { type: 'setKindVisible', kind: 'PERSON', visible: false }).selection).toEqual(['hub']);
  });

  it('the status line counts what is drawn, what is hidden and what was cut', () => {
    const s = apply(sceneOf(), { type: 'hide', ids: ['d'] });
    expect(statusLine(s, 40)).toBe('4 nodes · 3 edges shown of 40 · 1 hidden');
    expect(statusLine({ ...s, truncated: true }, null)).toMatch(/^4 nodes · 3 edges shown of 5 · 1 hidden · some results were cut/);
  });
});

describe('undo and redo', () => {
  it('step back and forth through content changes but not selection changes', () => {
    const h = new SceneHistory();
    h.reset(sceneOf());
    h.dispatch({ type: 'select', ids: ['a'] });
    expect(h.canUndo).toBe(false);
    h.dispatch({ type: 'remove', ids: ['b'] });
    h.dispatch({ type: 'hide', ids: ['c'] });
    expect(h.scene.hidden.has('c')).toBe(true);
    h.undo();
    expect(h.scene.hidden.has('c')).toBe(false);
    h.undo();
    expect(h.scene.nodes.has('b')).toBe(true);
    expect(h.scene.selection).toEqual(['a']);
    expect(h.undo()).toBeUndefined();
    h.redo();
    expect(h.scene.nodes.has('b')).toBe(false);
    h.dispatch({ type: 'showAll' });
    expect(h.canRedo).toBe(false);
  });
});

describe('layout', () => {
  it('gives the same data the same positions, whatever order it arrived in', () => {
    const reversed = { ...star, nodes: [...star.nodes].reverse(), edges: [...star.edges].reverse() };
    const a = sceneOf();
    const b = sceneOf(reversed);
    for (const id of a.nodes.keys()) expect(b.positions.get(id)).toEqual(a.positions.get(id));
    const xs = new Set([...a.positions.values()].map((p) => `${p.x},${p.y}`));
    expect(xs.size).toBe(5);
  });

  it('places new nodes round their anchor and leaves every placed node where it was', () => {
    const s = sceneOf();
    const grown = apply(s, {
      type: 'add',
      subgraph: { nodes: [node('x1', 'PERSON'), node('x2', 'PERSON')], edges: [edge('x1', 'c'), edge('x2', 'c')], truncated: false },
      positions: new Map(),
    });
    const placed = placeNew(grown, { anchor: 'c' });
    expect([...placed.keys()].sort()).toEqual(['x1', 'x2']);
    const next = apply(grown, { type: 'move', positions: placed });
    for (const id of s.nodes.keys()) expect(next.positions.get(id)).toEqual(s.positions.get(id));
    const c = s.positions.get('c')!;
    const hub = s.positions.get('hub')!;
    for (const id of ['x1', 'x2']) {
      const p = next.positions.get(id)!;
      // Nearer the node they came from than the hub on the other side.
      expect(Math.hypot(p.x - c.x, p.y - c.y)).toBeLessThan(Math.hypot(p.x - hub.x, p.y - hub.y) + 200);
    }
  });

  /** The smallest distance between any two of these positions. */
  const closest = (positions: Iterable<{ x: number; y: number }>) => {
    const ps = [...positions];
    let min = Infinity;
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) min = Math.min(min, Math.hypot(ps[i]!.x - ps[j]!.x, ps[i]!.y - ps[j]!.y));
    return min;
  };
  // Lattice neighbours: a cell apart in a row, or half a cell across and one row down.
  const LATTICE_STEP = Math.min(SPREAD_CELL.w, Math.hypot(SPREAD_CELL.w / 2, SPREAD_CELL.h));

  it('spreads stacked nodes onto free cells round their spot, each stack round its own', () => {
    const spots = [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 0, y: 100 }, { x: 100, y: 100 }];
    const positions = new Map<string, { x: number; y: number }>();
    spots.forEach((spot, s) => {
      for (let k = 0; k < 50; k++) positions.set(`s${s}-${k}`, spot);
    });
    const order = [...positions.keys()];
    const spread = spreadOnLattice(positions, order);
    expect(spread.size).toBe(200);
    expect(closest(spread.values())).toBeGreaterThanOrEqual(LATTICE_STEP - 1);
    expect(spreadOnLattice(positions, order)).toEqual(spread);
    // Each stack stays a cluster: its nodes are nearer their own stack's middle than any other's.
    const middles = spots.map((_, s) => {
      const ps = order.filter((id) => id.startsWith(`s${s}-`)).map((id) => spread.get(id)!);
      return { x: ps.reduce((a, p) => a + p.x, 0) / ps.length, y: ps.reduce((a, p) => a + p.y, 0) / ps.length };
    });
    for (const id of order) {
      const s = Number(id.slice(1, id.indexOf('-')));
      const p = spread.get(id)!;
      const distances = middles.map((m) => Math.hypot(p.x - m.x, p.y - m.y));
      expect(distances.indexOf(Math.min(...distances))).toBe(s);
    }
  });

  it('leaves no two nodes of a big scene on top of each other after fcose', () => {
    // A tree with many leaves per parent: fcose's spectral draft puts a parent's leaves on one spot.
    const count = DRAFT_ABOVE + 100;
    const nodes = Array.from({ length: count }, (_, i) => node(`n${i}`, 'PERSON', i < count / 4 ? 4 : 1));
    const edges = nodes.slice(1).map((n, i) => edge(n.id, `n${Math.floor(i / 4)}`));
    const s = apply(EMPTY_SCENE, { type: 'add', subgraph: { nodes, edges, truncated: false }, positions: new Map() });
    const positions = layout(s, 'fcose');
    expect(positions.size).toBe(count);
    expect(closest(positions.values())).toBeGreaterThanOrEqual(LATTICE_STEP - 1);
  });

  it('lays out concentric and hierarchical on demand', () => {
    const s = sceneOf();
    for (const name of ['concentric', 'hierarchical'] as const) {
      const positions = layout(s, name);
      expect(positions.size).toBe(5);
      expect(new Set([...positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(5);
    }
  });
});

describe('permalinks', () => {
  const edited = (): Scene => {
    const ops: Operation[] = [
      { type: 'remove', ids: ['d'] },
      { type: 'hide', ids: ['c', 'a-ROLE_AT-hub'] },
      { type: 'setKindVisible', kind: 'PERSON', visible: false },
      { type: 'setTypeVisible', relType: 'RUNS', visible: false },
      { type: 'select', ids: ['hub'] },
      { type: 'setAsOf', asOf: '2024-05-01' },
    ];
    return ops.reduce(apply, sceneOf());
  };

  it('round-trip through the URL text to the same scene, positions included', async () => {
    const s = edited();
    const text = await encodeLink(toLink(s));
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    const link = await decodeLink(text);
    // The link's queries are replayed against the API; here the "API" answers with the same star.
    const back = restore(link, [star]);
    expect([...back.nodes.keys()].sort()).toEqual([...s.nodes.keys()].sort());
    expect([...back.edges.keys()].sort()).toEqual([...s.edges.keys()].sort());
    expect(Object.fromEntries(back.positions)).toEqual(Object.fromEntries(s.positions));
    expect([...back.hidden].sort()).toEqual([...s.hidden].sort());
    expect([...back.hiddenKinds]).toEqual(['PERSON']);
    expect([...back.hiddenTypes]).toEqual(['RUNS']);
    expect(back.selection).toEqual(['hub']);
    expect(back.asOf).toBe('2024-05-01');
    expect(back.queries).toEqual(s.queries);
    expect(visible(back)).toEqual(visible(s));
  });

  it('are compact: node ids once, positions as integer pairs, hidden nodes by index', () => {
    const packed = pack(toLink(edited()));
    expect(packed.n).toEqual(['hub', 'a', 'b', 'c']);
    expect(packed.p).toHaveLength(8);
    expect(packed.p.every(Number.isInteger)).toBe(true);
    expect(packed.h).toEqual([3, 'a-ROLE_AT-hub']);
  });

  it('reject malformed links', async () => {
    expect(() => unpack({ v: 2 })).toThrow();
    await expect(decodeLink('!!')).rejects.toThrow();
    await expect(decodeLink('AAAA')).rejects.toThrow();
  });

  it('drop nodes the data no longer has', () => {
    const link = toLink(sceneOf());
    const smaller = { ...star, nodes: star.nodes.filter((n) => n.id !== 'b') };
    const back = restore(link, [smaller]);
    expect(back.nodes.has('b')).toBe(false);
    expect(back.nodes.size).toBe(4);
  });
});

describe('+N more', () => {
  const node = (id: string) => ({ id, kind: 'PERSON' as const, name: id, degree: 1 });
  it('counts what the answers left out, and forgets it once an unnarrowed answer shows everything', () => {
    let scene = apply(EMPTY_SCENE, {
      type: 'add',
      subgraph: { nodes: [node('hub'), node('a')], edges: [], hidden: [{ id: 'hub', count: 40 }], truncated: true },
      positions: new Map(),
      query: { op: 'graph', variables: { limit: 2 } },
    });
    expect(statusLine(scene, 100)).toContain('+40 more relationships on 1 entity');
    // A narrowed answer (one group) says nothing of the rest: the count stands.
    scene = apply(scene, {
      type: 'add',
      subgraph: { nodes: [node('hub'), node('b')], edges: [], hidden: [], truncated: false },
      positions: new Map(),
      query: { op: 'neighbourhood', variables: { ids: ['hub'], depth: 1, limit: 200, kinds: ['PERSON'], relationshipTypes: ['ROLE_AT'], direction: 'INCOMING' } },
    });
    expect(scene.more.get('hub')).toBe(40);
    scene = apply(scene, {
      type: 'add',
      subgraph: { nodes: [node('hub'), node('c')], edges: [], hidden: [{ id: 'hub', count: 12 }], truncated: true },
      positions: new Map(),
      query: { op: 'neighbourhood', variables: { ids: ['hub'], depth: 1, limit: 52 } },
    });
    expect(scene.more.get('hub')).toBe(12);
    scene = apply(scene, {
      type: 'add',
      subgraph: { nodes: [node('hub')], edges: [], hidden: [], truncated: false },
      positions: new Map(),
      query: { op: 'neighbourhood', variables: { ids: ['hub'], depth: 1, limit: 200 } },
    });
    expect(scene.more.has('hub')).toBe(false);
    expect(statusLine(scene, 100)).not.toContain('more relationships');
  });
});
