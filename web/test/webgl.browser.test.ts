import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/harness.js';
import { clickElement, launchChromium, PRETEND_REAL_GPU, waitUntilReady } from './chromium.js';

/**
 * Where a real GPU exists the page draws with Cytoscape's WebGL renderer (view/gpu.ts). This Chromium only
 * emulates a GPU, so the page chooses the canvas; PRETEND_REAL_GPU makes it take the WebGL branch, on
 * the emulation, against the real server and Neo4j.
 */

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  server = await startTestServer();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await context.addInitScript({ content: PRETEND_REAL_GPU });
  page = await context.newPage();
  problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(server.url + '/');
  await waitUntilReady(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('with a GPU', () => {
  it('draws the graph with WebGL, the other layers staying 2D canvases', async () => {
    const kinds = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLCanvasElement>('#cy canvas')].map((c) => (c.getContext('webgl2') ? 'webgl2' : '2d')),
    );
    expect(kinds.filter((k) => k === 'webgl2')).toHaveLength(1);
    expect(kinds.filter((k) => k === '2d').length).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}webgl-01-seed.png` });
  });

  it('opens the node clicked, then the nearest of two close relationships, not the first the GPU finds', async () => {
    const panel = page.getByRole('complementary');
    await clickElement(page, 'org:sykehuspartner');
    await panel.getByRole('heading', { level: 2, name: 'Sykehuspartner' }).waitFor({ state: 'visible', timeout: 10_000 });
    // Its LEARNS_FROM relationship passes within a few pixels of this one's midpoint.
    await clickElement(page, 'rel:person:gro-jaere-ROLE_AT-org:sykehuspartner');
    await panel.getByRole('heading', { level: 2, name: 'ROLE_AT: administrerende direktør' }).waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: `${ARTIFACTS}webgl-02-relationship.png` });
  });

  it('exports the scene as PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    const header = await readFile((await download.path())!);
    expect(header.subarray(1, 4).toString()).toBe('PNG');
    expect(header.readUInt32BE(16)).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });
});

describe('with an emulated GPU', () => {
  it('keeps the canvas where Chromium hands out SwiftShader as if it were a GPU', async () => {
    const emulated = await launchChromium([], { emulatedGpu: true });
    try {
      const plain = await emulated.newPage({ viewport: { width: 1440, height: 900 } });
      await plain.goto(server.url + '/');
      await waitUntilReady(plain);
      const seen = await plain.evaluate(() => {
        const probe = document.createElement('canvas').getContext('webgl2', { failIfMajorPerformanceCaveat: true });
        const info = probe?.getExtension('WEBGL_debug_renderer_info');
        const renderer: unknown = probe && info ? probe.getParameter(info.UNMASKED_RENDERER_WEBGL) : null;
        const kinds = [...document.querySelectorAll<HTMLCanvasElement>('#cy canvas')].map((c) => (c.getContext('2d') ? '2d' : 'other'));
        return { renderer, kinds };
      });
      // The situation under test: WebGL is granted despite failIfMajorPerformanceCaveat, on a software rasteriser.
      expect(seen.renderer).toMatch(/SwiftShader/);
      expect(seen.kinds.length).toBeGreaterThan(0);
      expect(seen.kinds.every((k) => k === '2d')).toBe(true);
    } finally {
      await emulated.close();
    }
  });
});
