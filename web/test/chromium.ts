import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium: no test downloads a browser of its own. */
const CHROMIUM = '/usr/bin/chromium';
const DIST_INDEX = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run'];

/** Headless Chromium for a test of the built page; says what is missing (the build, the browser) rather than failing later. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(DIST_INDEX)) throw new Error(`${DIST_INDEX} is missing: run \`npm run build:web\` first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\`.`);
  return chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...extraArgs] });
}

/**
 * An init script that makes this Chromium's emulated GPU pass for a real one: WebGL ignores
 * `failIfMajorPerformanceCaveat`, so the page takes its WebGL branch (view/gpu.ts), slowly but faithfully.
 */
export const PRETEND_REAL_GPU = `(() => {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, options) {
    return original.call(this, type, type.startsWith('webgl') ? { ...options, failIfMajorPerformanceCaveat: false } : options);
  };
})();`;

/** Clicks a node or relationship where the page draws it (its `__kgx.renderedPosition`). */
export async function clickElement(page: Page, id: string, clickCount = 1): Promise<void> {
  const box = await page.locator('#cy').boundingBox();
  const at = await page.evaluate((elementId) => (window as unknown as { __kgx: { renderedPosition(id: string): { x: number; y: number } | null } }).__kgx.renderedPosition(elementId), id);
  if (!box || !at) throw new Error(`${id} is not drawn`);
  await page.mouse.click(box.x + at.x, box.y + at.y, { clickCount });
}
