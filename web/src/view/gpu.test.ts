import { describe, expect, it } from 'vitest';
import { hasRealGpu, rgbTuple } from './gpu.js';

/** A document whose canvases answer WebGL as a browser with (or without) a real GPU does, recording what was asked. */
function documentWith(gpu: 'real' | 'emulated') {
  const asked: unknown[] = [];
  let lost = 0;
  const doc = {
    createElement: () => ({
      getContext: (type: string, options: unknown) => {
        asked.push({ type, options });
        return gpu === 'real' ? { getExtension: () => ({ loseContext: () => void lost++ }) } : null;
      },
    }),
  } as unknown as Document;
  return { doc, asked, lost: () => lost };
}

describe('the GPU probe', () => {
  it('takes WebGL only when the browser will not fall back to an emulated GPU, and frees the probe context', () => {
    const real = documentWith('real');
    expect(hasRealGpu(real.doc)).toBe(true);
    expect(real.asked).toEqual([{ type: 'webgl2', options: { failIfMajorPerformanceCaveat: true } }]);
    expect(real.lost()).toBe(1);
    expect(hasRealGpu(documentWith('emulated').doc)).toBe(false);
  });

  it('turns the theme colours into the tuple the WebGL renderer blends against', () => {
    expect(rgbTuple('#f7f8fa')).toEqual([247, 248, 250]);
    expect(rgbTuple('#15191F')).toEqual([21, 25, 31]);
    expect(() => rgbTuple('white')).toThrow(/#rrggbb/);
  });
});
