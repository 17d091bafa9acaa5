import { legendGeometry, lookOf } from './graph/style.js';
import { el, svg } from './dom.js';
import type { EntityKind } from './model.js';

/** The kind's node shape and colour as the graph draws it, in a 2×2 box centred on 0,0: one SVG element's tag and attributes. */
function swatchShape(kind: EntityKind): { tag: 'circle' | 'rect' | 'polygon'; attrs: Record<string, string | number> } {
  const look = lookOf(kind);
  const geometry = legendGeometry(look.shape);
  const paint = { fill: look.colour, stroke: look.border, 'stroke-width': 0.12, 'stroke-linejoin': 'round' };
  if (geometry.type === 'circle') return { tag: 'circle', attrs: { cx: 0, cy: 0, r: 0.92, ...paint } };
  if (geometry.type === 'rect') return { tag: 'rect', attrs: { x: -0.92, y: -0.92, width: 1.84, height: 1.84, rx: geometry.radius, ...paint } };
  // Shrink polygons slightly so the stroke stays inside the viewBox.
  return { tag: 'polygon', attrs: { points: geometry.points.map(([x, y]) => `${(x * 0.9).toFixed(3)},${(y * 0.9).toFixed(3)}`).join(' '), ...paint } };
}

/** A small SVG of the kind's node shape and colour, as the graph draws it; decorative (aria-hidden). */
export function kindSwatch(kind: EntityKind, size = 16): SVGSVGElement {
  const { tag, attrs } = swatchShape(kind);
  return svg('svg', { viewBox: '-1 -1 2 2', width: size, height: size, class: 'swatch', 'aria-hidden': 'true', focusable: 'false' }, svg(tag, attrs));
}

const images = new Map<EntityKind, string>();

/** The swatch as a CSS image (an SVG data URL, made once per kind). */
export function swatchImage(kind: EntityKind): string {
  let image = images.get(kind);
  if (!image) {
    const { tag, attrs } = swatchShape(kind);
    const shape = `<${tag} ${Object.entries(attrs).map(([name, value]) => `${name}="${value}"`).join(' ')}/>`;
    image = `url("data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 2 2">${shape}</svg>`)}")`;
    images.set(kind, image);
  }
  return image;
}

/**
 * The same swatch (12 px, styles.css) as an empty span painted with `swatchImage`, for lists of thousands: an inline SVG
 * is a small document of its own that the browser styles, lays out and places again whenever the
 * list shifts, most of the cost of adding entries to a long list.
 */
export function kindMark(kind: EntityKind): HTMLSpanElement {
  const mark = el('span', { className: 'swatch swatch-mark' });
  mark.style.backgroundImage = swatchImage(kind);
  return mark;
}
