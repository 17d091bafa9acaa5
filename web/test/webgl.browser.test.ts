import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/harness.js';
import { clickElement, launchChromium, PRETEND_REAL_GPU } from './chromium.js';

/**
 * Where a real GPU exists the page draws with Cytoscape's WebGL renderer (view/gpu.ts). This Chromium only
 * emulates a GPU, so the page would choose the canvas; PRETEND_REAL_GPU makes it take the WebGL branch, on
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
  await page.waitForFunction(() => (window as unknown as { __kgx?: { ready: boolean } }).__kgx?.ready === true, undefined, { timeout: 60_000 });
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
