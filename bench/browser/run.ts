/**
 * `npm run bench:browser`: the explorer page in headless Chromium (Debian's, through playwright-core)
 * on scenes of 500 to 5,000 entities. For each: time to first paint after the scene's data arrived,
 * pan frame times while dragging the canvas, the re-layout the page runs (L), and the longest
 * main-thread block while expanding a 5,000-neighbour hub through the page (preview → "Add all"),
 * repeated on fresh pages because one run on a shared 2-core machine varies by half.
 * Also fcose draft on 1,000 nodes under Node (the page's own layout code) and the hub's ring placement.
 * Prints a table and writes bench/results/browser.json and browser.md. Nothing here is asserted.
 *
 *   npm run bench:browser                      all sizes
 *   npm run bench:browser -- --sizes 500       only these sizes (comma-separated)
 *   npm run bench:browser -- --repeat 5        each expansion on this many fresh pages (default 3), median reported
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WEB_DIST } from '../../server/src/http/server.js';
import { layout, placeNew } from '../../web/src/scene/layout.js';
import { apply } from '../../web/src/scene/operations.js';
import { EMPTY_SCENE, type Scene } from '../../web/src/scene/scene.js';
import type { Subgraph } from '../../web/src/model.js';
import { installProbe, type Probe } from './probe.js';
import { HUB_ID, HUB_NEIGHBOURS, hubNeighbourhood, sceneGraph, type Graph } from './scenes.js';
import { startMockServer, type MockServer } from './server.js';
import { frameGaps, percentile, round1 } from './stats.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RESULTS = path.resolve(import.meta.dirname, '../results');
const DEFAULT_SIZES = [500, 1000, 2000, 5000];
const VIEWPORT = { width: 1440, height: 900 };

export interface SizeResult {
  nodes: number;
  edges: number;
  first_paint_ms: number;
  /** Of which: from the data's arrival to the page being ready (layout of the scene, building the view). */
  ready_ms: number;
  pan_frames: number;
  pan_p50_ms: number;
  pan_p95_ms: number;
  pan_max_ms: number;
  /** From L to "Laid out" (the layout runs in a worker). */
  layout_ms: number;
  layout_longest_task_ms: number;
  /** Expanding the hub through the page (preview, Add all): what the page asks for, the server's limits. */
  expand_added: number;
  /** The median over the runs (see --repeat); every run's longest task follows. */
  expand_longest_task_ms: number;
  expand_longest_task_runs_ms: number[];
  expand_longest_frame_gap_ms: number;
  expand_total_ms: number;
  /** The same with all 5,000 neighbours arriving in one answer (more than the server ever sends at once). */
  expand_all_added: number;
  expand_all_longest_task_ms: number;
  expand_all_longest_task_runs_ms: number[];
  expand_all_longest_frame_gap_ms: number;
  expand_all_total_ms: number;
}

export interface BrowserResult {
  machine: string;
  browser: string;
  gl_renderer: string;
  viewport: string;
  date: string;
  node_layout: { fcose_draft_1000_ms: number; fcose_draft_1000_edges: number; hub_rings_5000_ms: number };
  sizes: SizeResult[];
}

function repeatsFromArgs(argv: readonly string[]): number {
  const i = argv.indexOf('--repeat');
  const n = i < 0 ? 3 : Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error('--repeat takes a whole number from 1');
  return n;
}

function sizesFromArgs(argv: readonly string[]): number[] {
  const i = argv.indexOf('--sizes');
  if (i < 0) return DEFAULT_SIZES;
  return argv[i + 1]!.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 1);
}

const probe = (page: Page): Promise<Probe> => page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);
const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());
const nodeCount = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __kgx: { nodeCount: number } }).__kgx.nodeCount);

async function openScene(browser: Browser, mock: MockServer, graph: Graph): Promise<Page> {
  mock.setScene(graph);
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  // tsx keeps function names with a `__name` helper that the page lacks; give it one, then the probe.
  await context.addInitScript({ content: `window.__name = (f) => f; (${installProbe.toString()})();` });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(mock.url + '/');
  await page.waitForFunction(() => (window as unknown as { __bench: Probe }).__bench.paintFrame !== null, undefined, { timeout: 300_000, polling: 100 });
  return page;
}

async function firstPaint(page: Page): Promise<{ first_paint_ms: number; ready_ms: number }> {
  return page.evaluate(() => {
    const bench = (window as unknown as { __bench: Probe }).__bench;
    // The scene's data is the largest GraphQL answer; it has arrived at its responseEnd.
    const answers = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql')) as PerformanceResourceTiming[];
    const scene = answers.reduce((a, b) => (b.encodedBodySize > a.encodedBodySize ? b : a));
    return { first_paint_ms: bench.paintFrame! - scene.responseEnd, ready_ms: bench.readyFrame! - scene.responseEnd };
  });
}

/** Drags the canvas back and forth from an empty corner (outside the fitted graph), frames timed by rAF. */
async function pan(page: Page): Promise<{ gaps: number[] }> {
  const box = (await page.locator('#cy').boundingBox())!;
  const from = { x: box.x + 4, y: box.y + 4 };
  const to = { x: from.x + 360, y: from.y + 220 };
  await page.waitForTimeout(500);
  const t0 = await now(page);
  for (let i = 0; i < 6; i++) {
    const [a, b] = i % 2 ? [to, from] : [from, to];
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 40 });
    await page.mouse.up();
  }
  await page.waitForTimeout(100);
  const t1 = await now(page);
  return { gaps: frameGaps((await probe(page)).frames, t0, t1) };
}

/**
 * The page's re-layout (L, fcose first, computed in a worker): from the key to the "Laid out" message
 * (seen by a MutationObserver), and the longest main-thread task meanwhile.
 */
async function relayout(page: Page): Promise<{ layout_ms: number; layout_longest_task_ms: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __layout: { start?: number; end?: number } };
    w.__layout = {};
    addEventListener('keydown', (e) => e.key === 'l' && (w.__layout.start = performance.now()), { capture: true });
    const message = document.getElementById('toolbar-message')!;
    new MutationObserver(() => {
      if (/Laid out/.test(message.textContent ?? '') && w.__layout.end === undefined) w.__layout.end = performance.now();
    }).observe(message, { childList: true, characterData: true, subtree: true });
  });
  await page.locator('body').focus();
  await page.keyboard.press('l');
  await page.locator('#toolbar-message').filter({ hasText: /Laid out/ }).waitFor({ timeout: 300_000 });
  await page.waitForTimeout(300);
  const { start, end } = await page.evaluate(() => (window as unknown as { __layout: { start: number; end: number } }).__layout);
  const tasks = (await probe(page)).longTasks.filter((t) => t.start >= start - 1 && t.start <= end);
  return { layout_ms: end - start, layout_longest_task_ms: Math.max(0, ...tasks.map((t) => t.duration)) };
}

/** Expands the hub as an analyst would: select it in the entity list, E, "Add all" in the preview. */
async function expandHub(page: Page): Promise<{ added: number; longestTask: number; longestGap: number; total: number }> {
  await page.locator(`#entity-list button[data-id="${HUB_ID}"]`).click();
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: /Expand Helse Benchmark RHF/ }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(300);
  const before = await nodeCount(page);
  const t0 = await now(page);
  await dialog.getByRole('button', { name: /^Add all/ }).click();
  await page.locator('#toolbar-message').filter({ hasText: /Added \d+ entities around/ }).waitFor({ timeout: 300_000 });
  const added = (await nodeCount(page)) - before;
  const done = await now(page);
  // Settle: the URL is written after a pause, labels and stubs follow; those count too.
  await page.waitForTimeout(1500);
  const t1 = await now(page);
  const p = await probe(page);
  const tasks = p.longTasks.filter((t) => t.start >= t0 - 1 && t.start <= t1);
  return { added, longestTask: Math.max(0, ...tasks.map((t) => t.duration)), longestGap: Math.max(0, ...frameGaps(p.frames, t0, t1)), total: done - t0 };
}

async function glRenderer(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return 'none';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  });
}

function sceneOf(graph: Graph): Scene {
  const subgraph: Subgraph = { nodes: graph.nodes, edges: graph.edges, truncated: false };
  return apply(EMPTY_SCENE, { type: 'add', subgraph, positions: new Map() });
}

/** The page's layout code under Node: fcose draft on 1,000 nodes; the hub's 5,000 leaves on rings. */
function nodeLayout(): BrowserResult['node_layout'] {
  const graph = sceneGraph(1000);
  const scene = sceneOf(graph);
  layout(scene, 'fcose'); // warm-up (JIT)
  const t0 = performance.now();
  layout(scene, 'fcose');
  const fcose = performance.now() - t0;
  const placed = apply(scene, { type: 'move', positions: layout(scene, 'fcose') });
  const hub = hubNeighbourhood();
  const grown = apply(placed, { type: 'add', subgraph: { nodes: hub.map((h) => h.node), edges: hub.map((h) => h.edge), truncated: false }, positions: new Map() });
  const t1 = performance.now();
  placeNew(grown, { anchor: HUB_ID });
  const rings = performance.now() - t1;
  return { fcose_draft_1000_ms: round1(fcose), fcose_draft_1000_edges: graph.edges.length, hub_rings_5000_ms: round1(rings) };
}

type Expansion = Awaited<ReturnType<typeof expandHub>>;

/** The expansion `repeats` times, each on a freshly opened scene; the run with the median longest task stands for them. */
async function expandRepeatedly(browser: Browser, mock: MockServer, graph: Graph, repeats: number, first?: Expansion): Promise<Expansion & { runs: number[] }> {
  const all: Expansion[] = first ? [first] : [];
  while (all.length < repeats) {
    const page = await openScene(browser, mock, graph);
    all.push(await expandHub(page));
    await page.context().close();
  }
  const sorted = [...all].sort((a, b) => a.longestTask - b.longestTask);
  return { ...sorted[(sorted.length - 1) >> 1]!, runs: all.map((e) => e.longestTask) };
}

async function measureSize(browser: Browser, mock: MockServer, size: number, repeats: number): Promise<SizeResult> {
  const graph = sceneGraph(size);
  mock.setAllAtOnce(false);
  const page = await openScene(browser, mock, graph);
  const paint = await firstPaint(page);
  const { gaps } = await pan(page);
  const relaid = await relayout(page);
  const firstExpansion = await expandHub(page);
  await page.context().close();
  const expansion = await expandRepeatedly(browser, mock, graph, repeats, firstExpansion);

  mock.setAllAtOnce(true);
  const all = await expandRepeatedly(browser, mock, graph, repeats);
  mock.setAllAtOnce(false);

  return {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    first_paint_ms: round1(paint.first_paint_ms),
    ready_ms: round1(paint.ready_ms),
    pan_frames: gaps.length,
    pan_p50_ms: round1(percentile(gaps, 50)),
    pan_p95_ms: round1(percentile(gaps, 95)),
    pan_max_ms: round1(Math.max(...gaps)),
    layout_ms: round1(relaid.layout_ms),
    layout_longest_task_ms: round1(relaid.layout_longest_task_ms),
    expand_added: expansion.added,
    expand_longest_task_ms: round1(expansion.longestTask),
    expand_longest_task_runs_ms: expansion.runs.map(round1),
    expand_longest_frame_gap_ms: round1(expansion.longestGap),
    expand_total_ms: round1(expansion.total),
    expand_all_added: all.added,
    expand_all_longest_task_ms: round1(all.longestTask),
    expand_all_longest_task_runs_ms: all.runs.map(round1),
    expand_all_longest_frame_gap_ms: round1(all.longestGap),
    expand_all_total_ms: round1(all.total),
  };
}

export function markdown(result: BrowserResult): string {
  const rows = result.sizes.map((s) =>
    [
      s.nodes,
      s.edges,
      s.first_paint_ms,
      s.ready_ms,
      `${s.pan_p50_ms} / ${s.pan_p95_ms}`,
      `${s.layout_ms} (${s.layout_longest_task_ms})`,
      `${s.expand_added}: ${s.expand_longest_task_ms} [${s.expand_longest_task_runs_ms.join(', ')}] (${s.expand_total_ms})`,
      `${s.expand_all_added}: ${s.expand_all_longest_task_ms} [${s.expand_all_longest_task_runs_ms.join(', ')}] (${s.expand_all_total_ms})`,
    ].join(' | '),
  );
  return [
    `Machine: ${result.machine}`,
    `Browser: ${result.browser}, GL renderer: ${result.gl_renderer}, viewport ${result.viewport}`,
    `Date: ${result.date}`,
    '',
    '| nodes | edges | first paint ms | of which ready ms | pan frame p50 / p95 ms | re-layout (L, worker) ms (longest task ms) | hub expand, as the page asks: added: longest task ms, median [each run] (total ms) | hub expand, all 5,000 at once: added: longest task ms, median [each run] (total ms) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r} |`),
    '',
    `Under Node (the page's layout code): fcose draft on 1,000 nodes / ${result.node_layout.fcose_draft_1000_edges} edges ${result.node_layout.fcose_draft_1000_ms} ms; ` +
      `${HUB_NEIGHBOURS.toLocaleString('en-US')} hub neighbours placed on rings ${result.node_layout.hub_rings_5000_ms} ms.`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const sizes = sizesFromArgs(process.argv.slice(2));
  const repeats = repeatsFromArgs(process.argv.slice(2));
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('dist/web is missing: run `npm run build:web` first.');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium).`);
  const node_layout = nodeLayout();
  console.log(`fcose draft, 1,000 nodes (Node): ${node_layout.fcose_draft_1000_ms} ms; hub rings for 5,000: ${node_layout.hub_rings_5000_ms} ms`);
  const mock = await startMockServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'] });
  try {
    const glPage = await browser.newPage();
    await glPage.addInitScript({ content: 'window.__name = (f) => f;' });
    const gl_renderer = await glRenderer(glPage);
    await glPage.close();
    const results: SizeResult[] = [];
    const cpus = os.cpus();
    for (const size of sizes) {
      const r = await measureSize(browser, mock, size, repeats);
      console.log(JSON.stringify(r));
      results.push(r);
      const result: BrowserResult = {
        machine: `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, load ${os.loadavg()[0]!.toFixed(1)}`,
        browser: `Chromium ${browser.version()} headless`,
        gl_renderer,
        viewport: `${VIEWPORT.width}×${VIEWPORT.height} @1x`,
        date: new Date().toISOString(),
        node_layout,
        sizes: results,
      };
      // Written after every size, so a long run interrupted still leaves what it measured.
      const md = markdown(result);
      await mkdir(RESULTS, { recursive: true });
      await writeFile(path.join(RESULTS, 'browser.json'), JSON.stringify(result, null, 2) + '\n');
      await writeFile(path.join(RESULTS, 'browser.md'), '# Browser benchmark (`npm run bench:browser`)\n\n' + md);
      if (size === sizes.at(-1)) console.log('\n' + md);
    }
  } finally {
    // Closing Chromium has been seen to hang after a long run on the loaded machine: do not wait for ever.
    await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    await mock.close();
  }
}

await main();
// Whatever Chromium left open (see above) must not keep the command from returning.
process.exit(0);
