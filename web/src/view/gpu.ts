/**
 * Whether this browser has a GPU worth drawing on. WebGL with `failIfMajorPerformanceCaveat` refuses to
 * start where the browser would only emulate one (SwiftShader in a VM, a remote desktop, headless
 * Chromium); there Cytoscape's WebGL renderer runs several times slower than its canvas one.
 */
export function hasRealGpu(doc: Document): boolean {
  const probe = doc.createElement('canvas');
  const gl = probe.getContext('webgl2', { failIfMajorPerformanceCaveat: true });
  if (!gl) return false;
  // Browsers cap live WebGL contexts; this one has answered and must not hold a slot.
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return true;
}

/** '#rrggbb' as the [r, g, b] tuple Cytoscape's WebGL renderer blends arrowheads against. */
export function rgbTuple(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}
