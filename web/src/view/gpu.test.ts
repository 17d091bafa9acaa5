import { describe, expect, it } from 'vitest';
import { hasRealGpu, rgbTuple } from './gpu.js';

const UNMASKED_RENDERER_WEBGL = 0x9246;
const RENDERER = 0x1f01;

/**
 * A document whose canvases answer WebGL as a browser does: refusing it (`null`), or with a context naming
 * its renderer through `WEBGL_debug_renderer_info` (or only the masked name when `unmasked` is null).
 * Records what was asked and how many probe contexts were released.
 */
function documentWith(gpu: { unmasked: string | null } | null) {
  const asked: unknown[] = [];
  let lost = 0;
  const context = gpu && {
    RENDERER,
    getExtension: (name: string) => {
      if (name === 'WEBGL_lose_context') return { loseContext: () => void lost++ };
      if (name === 'WEBGL_debug_renderer_info' && gpu.unmasked !== null) return { UNMASKED_RENDERER_WEBGL };
      return null;
    },
    getParameter: (p: number) => (p === UNMASKED_RENDERER_WEBGL ? gpu.unmasked : p === RENDERER ? 'WebKit WebGL' : null),
  };
  const doc = {
    createElement: () => ({
      getContext: (type: string, options: unknown) => {
        asked.push({ type, options });
        return context;
      },
    }),
  } as unknown as Document;
  return { doc, asked, lost: () => lost };
}

describe('the GPU probe', () => {
  it('takes WebGL where a GPU answers, asking not to fall back to an emulated one, and frees the probe context', () => {
    const real = documentWith({ unmasked: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)' });
    expect(hasRealGpu(real.doc)).toBe(true);
    expect(real.asked).toEqual([{ type: 'webgl2', options: { failIfMajorPerformanceCaveat: true } }]);
    expect(real.lost()).toBe(1);
    expect(hasRealGpu(documentWith({ unmasked: 'Apple M2' }).doc)).toBe(true);
  });

  it('keeps the canvas where the browser refuses WebGL', () => {
    expect(hasRealGpu(documentWith(null).doc)).toBe(false);
  });

  it('keeps the canvas where the browser hands out a software rasteriser under a GPU context', () => {
    // The first is what headless Chromium 156 answers on this machine despite failIfMajorPerformanceCaveat.
    for (const unmasked of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
    ]) {
      const emulated = documentWith({ unmasked });
      expect(hasRealGpu(emulated.doc), unmasked).toBe(false);
      expect(emulated.lost(), 'the probe context is released either way').toBe(1);
    }
  });

  it('trusts a browser that masks the renderer name as far as failIfMajorPerformanceCaveat let it through', () => {
    expect(hasRealGpu(documentWith({ unmasked: null }).doc)).toBe(true);
  });

  it('turns the theme colours into the tuple the WebGL renderer blends against', () => {
    expect(rgbTuple('#f7f8fa')).toEqual([247, 248, 250]);
    expect(rgbTuple('#15191F')).toEqual([21, 25, 31]);
    expect(() => rgbTuple('white')).toThrow(/#rrggbb/);
  });
});
