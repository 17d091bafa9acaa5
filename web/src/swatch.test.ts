import { describe, expect, it } from 'vitest';
import { legendGeometry, lookOf } from './graph/style.js';
import { ENTITY_KINDS } from './model.js';
import { swatchImage } from './swatch.js';

/** The SVG document inside a swatch image's `url("data:…")`. */
function svgOf(image: string): string {
  const match = /^url\("data:image\/svg\+xml,([^"]+)"\)$/.exec(image);
  expect(match, image).not.toBeNull();
  return decodeURIComponent(match![1]!);
}

describe('the swatch as a CSS image (the entity list draws thousands of these)', () => {
  it('is the same shape and colours as the inline swatch, for every kind', () => {
    for (const kind of ENTITY_KINDS) {
      const look = lookOf(kind);
      const doc = svgOf(swatchImage(kind));
      expect(doc, kind).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="-1 -1 2 2"><(circle|rect|polygon) [^<>]*\/><\/svg>$/);
      const tag = /<(circle|rect|polygon) /.exec(doc)![1];
      expect(tag, kind).toBe(legendGeometry(look.shape).type === 'circle' ? 'circle' : legendGeometry(look.shape).type === 'rect' ? 'rect' : 'polygon');
      expect(doc, kind).toContain(`fill="${look.colour}"`);
      expect(doc, kind).toContain(`stroke="${look.border}"`);
    }
  });

  it('is made once per kind and differs between kinds', () => {
    const images = ENTITY_KINDS.map((kind) => swatchImage(kind));
    expect(new Set(images).size).toBe(ENTITY_KINDS.length);
    expect(ENTITY_KINDS.map((kind) => swatchImage(kind))).toEqual(images);
  });
});
