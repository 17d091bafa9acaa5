import { describe, expect, it } from 'vitest';
import { nodeSize } from '../graph/style.js';
import { apply } from '../scene/operations.js';
import { EMPTY_SCENE } from '../scene/scene.js';
import { sceneBox, viewportFor, visibleKey } from './fit.js';

const scene = apply(EMPTY_SCENE, {
  type: 'add',
  subgraph: {
    nodes: [
      { id: 'a', kind: 'PERSON', name: 'A', degree: 1 },
      { id: 'b', kind: 'ORGANISATION', name: 'B', degree: 1 },
      { id: 'far', kind: 'PERSON', name: 'Far', degree: 1 },
    ],
    edges: [],
    truncated: false,
  },
  positions: new Map([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 1000, y: 500 }],
    ['far', { x: 9000, y: 9000 }],
  ]),
});

describe('fitting the view from the scene', () => {
  it('boxes the visible nodes only, with room for their size and label', () => {
    const hidden = apply(scene, { type: 'hide', ids: ['far'] });
    const box = sceneBox(hidden)!;
    const half = nodeSize(1) / 2;
    expect(box.x1).toBe(-half);
    expect(box.y1).toBe(-half);
    expect(box.x2).toBe(1000 + half);
    expect(box.y2).toBeGreaterThan(500 + half);
    expect(sceneBox(scene)!.x2).toBe(9000 + half);
    expect(visibleKey(hidden)).toBe('a|b');
    expect(visibleKey(scene)).toBe('a|b|far');
  });

  it('centres the box and zooms so its longer side fits inside the padding, within the zoom limits', () => {
    const box = { x1: 0, y1: 0, x2: 1000, y2: 500 };
    const v = viewportFor(box, 1200, 800, 100, { min: 0.05, max: 4 });
    expect(v.zoom).toBe(1);
    // The box's middle (500, 250) lands in the canvas's middle (600, 400).
    expect(v.pan.x + v.zoom * 500).toBe(600);
    expect(v.pan.y + v.zoom * 250).toBe(400);
    expect(viewportFor({ x1: 0, y1: 0, x2: 10, y2: 10 }, 1200, 800, 100, { min: 0.05, max: 1.4 }).zoom).toBe(1.4);
    expect(viewportFor({ x1: 0, y1: 0, x2: 1e7, y2: 10 }, 1200, 800, 100, { min: 0.05, max: 1.4 }).zoom).toBe(0.05);
  });
});
