import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../model.js';
import { nodeDefinition } from './elements.js';
import { KIND_LOOK, graphStylesheet, legendGeometry, lookOf, nodeSize } from './style.js';

// Parses #rrggbb or rgb(r,g,b) to [r,g,b] so colours from the palette and from Cytoscape compare.
function rgb(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const fn = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(colour);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  throw new Error(`not a colour: ${colour}`);
}

describe('kind styles', () => {
  it('the stylesheet draws every kind in its own colour and its own shape', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet() });
    cy.add(ENTITY_KINDS.map((kind) => nodeDefinition({ id: kind, kind, name: kind, degree: 2 })));
    const looks = ENTITY_KINDS.map((kind) => {
      const node = cy.getElementById(kind);
      return { kind, colour: rgb(node.style('background-color') as string).join(','), shape: node.style('shape') as string };
    });
    for (const { kind, colour, shape } of looks) {
      expect(colour, kind).toBe(rgb(KIND_LOOK[kind].colour).join(','));
      expect(shape, kind).toBe(KIND_LOOK[kind].shape);
    }
    expect(new Set(looks.map((l) => l.colour)).size).toBe(ENTITY_KINDS.length);
    expect(new Set(looks.map((l) => l.shape)).size).toBe(ENTITY_KINDS.length);
  });

  it('colours are far enough apart to tell apart', () => {
    const colours = ENTITY_KINDS.map((k) => rgb(KIND_LOOK[k].colour));
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        const [a, b] = [colours[i]!, colours[j]!];
        const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        expect(distance, `${ENTITY_KINDS[i]} vs ${ENTITY_KINDS[j]}`).toBeGreaterThan(60);
      }
    }
  });

  it('every kind has a legend swatch with real geometry', () => {
    for (const kind of ENTITY_KINDS) {
      const geometry = legendGeometry(KIND_LOOK[kind].shape);
      if (geometry.type === 'polygon') {
        expect(geometry.points.length, kind).toBeGreaterThanOrEqual(3);
        for (const [x, y] of geometry.points) {
          expect(Math.abs(x), kind).toBeLessThanOrEqual(1 + 1e-9);
          expect(Math.abs(y), kind).toBeLessThanOrEqual(1 + 1e-9);
        }
      }
    }
    const hexagon = legendGeometry('hexagon');
    // Cytoscape's hexagon lies flat (points left and right), the legend's must too.
    expect(hexagon.type === 'polygon' && hexagon.points.some(([x, y]) => Math.abs(x - 1) < 1e-9 && Math.abs(y) < 1e-9)).toBe(true);
  });

  it('hubs are drawn bigger than leaves, within bounds', () => {
    expect(nodeSize(0)).toBeLessThan(nodeSize(4));
    expect(nodeSize(4)).toBeLessThan(nodeSize(30));
    expect(nodeSize(10_000)).toBeLessThanOrEqual(64);
    expect(nodeSize(undefined)).toBe(nodeSize(0));
  });
});

describe('lookOf', () => {
  it('falls back to a neutral look, labelled with the raw kind, for kinds the page does not know', () => {
    expect(lookOf('PERSON')).toEqual(KIND_LOOK.PERSON);
    const unknown = lookOf('DATASET');
    expect(unknown.label).toBe('DATASET');
    expect(Object.values(KIND_LOOK).map((l) => l.colour)).not.toContain(unknown.colour);
  });
});
