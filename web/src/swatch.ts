import { legendGeometry, lookOf } from './graph/style.js';
import { svg } from './dom.js';
import type { EntityKind } from './model.js';

/** A small SVG of the kind's node shape and colour, as the graph draws it; decorative (aria-hidden). */
export function kindSwatch(kind: EntityKind, size = 16): SVGSVGElement {
  const look = lookOf(kind);
  const geometry = legendGeometry(look.shape);
  const paint = { fill: look.colour, stroke: look.border, 'stroke-width': 0.12, 'stroke-linejoin': 'round' };
  let shape: SVGElement;
  if (geometry.type === 'circle') shape = svg('circle', { cx: 0, cy: 0, r: 0.92, ...paint });
  else if (geometry.type === 'rect') shape = svg('rect', { x: -0.92, y: -0.92, width: 1.84, height: 1.84, rx: geometry.radius, ...paint });
  // Shrink polygons slightly so the stroke stays inside the viewBox.
  else shape = svg('polygon', { points: geometry.points.map(([x, y]) => `${(x * 0.9).toFixed(3)},${(y * 0.9).toFixed(3)}`).join(' '), ...paint });
  return svg('svg', { viewBox: '-1 -1 2 2', width: size, height: size, class: 'swatch', 'aria-hidden': 'true', focusable: 'false' }, shape);
}
