import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium: no test downloads a browser of its own. */
const CHROMIUM = '/usr/bin/chromium';
const DIST_INDEX = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run'];

/**
 * Headless Chromium for a test of the built page; says what is missing (the build, the browser) rather than
 * failing later. `emulatedGpu` leaves the GPU on: on a machine without one, Chromium then hands out
 * SwiftShader, as a desktop browser in a VM does.
 */
export async function launchChromium(extraArgs: readonly string[] = [], { emulatedGpu = false } = {}): Promise<Browser> {
  if (!existsSync(DIST_INDEX)) throw new Error(`${DIST_INDEX} is missing: run \`npm run build:web\` first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\`.`);
  const args = emulatedGpu ? ARGS.filter((a) => a !== '--disable-gpu') : ARGS;
  return chromium.launch({ executablePath: CHROMIUM, args: [...args, ...extraArgs] });
}

/**
 * An init script that makes this Chromium's emulated GPU pass for a real one: WebGL ignores
 * `failIfMajorPerformanceCaveat` (refused under `--disable-gpu`) and names a GPU instead of SwiftShader,
 * so the page takes its WebGL branch (view/gpu.ts), slowly but faithfully.
 */
export const PRETEND_REAL_GPU = `(() => {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, options) {
    return original.call(this, type, type.startsWith('webgl') ? { ...options, failIfMajorPerformanceCaveat: false } : options);
  };
  const UNMASKED_RENDERER_WEBGL = 0x9246;
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const getParameter = proto.getParameter;
    proto.getParameter = function (name) {
      return name === UNMASKED_RENDERER_WEBGL ? 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)' : getParameter.call(this, name);
    };
  }
})();`;

/** Waits until the page has drawn its first scene (`__kgx.ready`). */
export async function waitUntilReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __kgx?: { ready: boolean } }).__kgx?.ready === true, undefined, { timeout: 60_000 });
}

/** Clicks a node or relationship where the page draws it (its `__kgx.renderedPosition`). */
export async function clickElement(page: Page, id: string, clickCount = 1): Promise<void> {
  const box = await page.locator('#cy').boundingBox();
  const at = await page.evaluate((elementId) => (window as unknown as { __kgx: { renderedPosition(id: string): { x: number; y: number } | null } }).__kgx.renderedPosition(elementId), id);
  if (!box || !at) throw new Error(`${id} is not drawn`);
  await page.mouse.click(box.x + at.x, box.y + at.y, { clickCount });
}
