import { describe, expect, it } from 'vitest';
import type { EntityKind, Subgraph } from '../model.js';
import { LOCAL_ABOVE, QUICK_ABOVE, RINGS_ABOVE, placeNew } from './layout.js';
import { apply } from './operations.js';
import { EMPTY_SCENE, type Scene } from './scene.js';

const node = (id: string, kind: EntityKind = 'PERSON', degree = 1) => ({ id, kind, name: id.toUpperCase(), degree });
const edge = (source: string, target: string) => ({ id: `${source}-ROLE_AT-${target}`, type: 'ROLE_AT', source, target, title: null });

/** `count` placed entities on a grid, the first of them a hub at the origin. */
function gridScene(count: number): Scene {
  const nodes = [node('hub', 'ORGANISATION', 5000), ...Array.from({ length: count - 1 }, (_, i) => node(`p${i}`))];
  const positions = new Map(nodes.map((n, i) => [n.id, { x: (i % 50) * 80, y: Math.floor(i / 50) * 80 }]));
  return apply(EMPTY_SCENE, { type: 'add', subgraph: { nodes, edges: [], truncated: false }, positions });
}

function grow(scene: Scene, subgraph: Subgraph): Scene {
  return apply(scene, { type: 'add', subgraph, positions: new Map() });
}

describe('placing many new nodes', () => {
  it('puts a hub’s thousands of new leaves on rings round it, deterministically, without moving anything', () => {
    const before = gridScene(10);
    const leaves = Array.from({ length: 2000 }, (_, i) => node(`leaf${String(i).padStart(4, '0')}`));
    const grown = grow(before, { nodes: leaves, edges: leaves.map((l) => edge(l.id, 'hub')), truncated: false });
    expect(leaves.length).toBeGreaterThan(RINGS_ABOVE);
    const placed = placeNew(grown, { anchor: 'hub' });
    expect(placed.size).toBe(2000);
    expect([...placed.keys()].every((id) => id.startsWith('leaf'))).toBe(true);
    // Every leaf has its own spot, outside the hub, and ring by ring further out.
    expect(new Set([...placed.values()].map((p) => `${p.x},${p.y}`)).size).toBe(2000);
    const distances = [...placed.values()].map((p) => Math.hypot(p.x, p.y));
    expect(Math.min(...distances)).toBeGreaterThan(100);
    // The same data in another order gives the same places.
    const shuffled = grow(before, { nodes: [...leaves].reverse(), edges: leaves.map((l) => edge(l.id, 'hub')), truncated: false });
    expect(placeNew(shuffled, { anchor: 'hub' })).toEqual(placed);
  });

  it('in a big scene relaxes a few new nodes among their neighbours only, leaving every placed node where it was', () => {
    const before = gridScene(LOCAL_ABOVE + 200);
    const fresh = Array.from({ length: 20 }, (_, i) => node(`new${i}`));
    const grown = grow(before, { nodes: fresh, edges: fresh.map((f) => edge(f.id, 'p10')), truncated: false });
    const placed = placeNew(grown, { anchor: 'p10' });
    expect([...placed.keys()].sort()).toEqual(fresh.map((f) => f.id).sort());
    const p10 = before.positions.get('p10')!;
    for (const p of placed.values()) expect(Math.hypot(p.x - p10.x, p.y - p10.y)).toBeLessThan(600);
    expect(placeNew(grown, { anchor: 'p10' })).toEqual(placed);
  });
});

describe('placing a big scene for the first time', () => {
  it('puts every node on its own spot without physics, hubs in the middle, the same whatever order the data came in', () => {
    const count = QUICK_ABOVE + 200;
    const nodes = [node('hub', 'ORGANISATION', 5000), ...Array.from({ length: count - 1 }, (_, i) => node(`p${String(i).padStart(4, '0')}`, i % 3 ? 'PERSON' : 'ORGANISATION', (i * 7) % 13))];
    const edges = nodes.slice(1).map((n) => edge(n.id, 'hub'));
    const scene = grow(EMPTY_SCENE, { nodes, edges, truncated: false });
    const placed = placeNew(scene);
    expect(placed.size).toBe(count);
    expect(placed.get('hub')).toEqual({ x: 57, y: 0 });
    const spots = new Set([...placed.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(count);
    const shuffled = grow(EMPTY_SCENE, { nodes: [...nodes].reverse(), edges: [...edges].reverse(), truncated: false });
    expect(placeNew(shuffled)).toEqual(placed);
  });
});
