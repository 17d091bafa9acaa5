/**
 * Whether this browser has a GPU worth drawing on; where it only emulates one, Cytoscape's WebGL renderer
 * runs several times slower than its canvas one. WebGL with `failIfMajorPerformanceCaveat` refuses some
 * emulated GPUs, but not all: headless Chromium hands out SwiftShader without complaint, so the renderer's
 * own name is read too and the software rasterisers known by name are refused.
 */
export function hasRealGpu(doc: Document): boolean {
  const probe = doc.createElement('canvas');
  const gl = probe.getContext('webgl2', { failIfMajorPerformanceCaveat: true });
  if (!gl) return false;
  const renderer = rendererName(gl);
  // Browsers cap live WebGL contexts; this one has answered and must not hold a slot.
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return !SOFTWARE_RENDERER.test(renderer);
}

/** SwiftShader (Chromium), llvmpipe / softpipe / lavapipe (Mesa), WARP ("Microsoft Basic Render Driver"), and names that say it. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render/i;

/**
 * The GPU's own name where the browser tells it (`WEBGL_debug_renderer_info`), else the masked one
 * ("WebKit WebGL"), which names no software rasteriser and so counts as a GPU: a browser that hides
 * the name is trusted as far as `failIfMajorPerformanceCaveat` let it through.
 */
function rendererName(gl: WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof name === 'string' ? name : '';
}

/** '#rrggbb' as the [r, g, b] tuple Cytoscape's WebGL renderer blends arrowheads against. */
export function rgbTuple(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}
