import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/harness.js';

/**
 * The built page against the real server (dist/web + /graphql on the test Neo4j with the seeds),
 * in a real Chromium. Needs `npm run build:web` first (npm test runs it in pretest).
 */

const CHROMIUM = '/usr/bin/chromium';
const DIST_INDEX = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));
const SCREENSHOT = '/tmp/kgx-page.png';
const KIND_LABELS = ['Organisation', 'Person', 'Programme', 'Vendor', 'Product', 'Event', 'Place', 'Topic'];
// What the server will send; applied here when it sends none yet, so the page is proven to work under it.
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

interface KgxDebugView {
  ready: boolean;
  nodeCount: number;
  edgeCount: number;
  visibleNodeCount: number;
  selectedIds: string[];
}

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Console errors, uncaught exceptions and CSP violations seen by the current page. */
let problems: string[];

async function debugView(): Promise<KgxDebugView> {
  return page.evaluate(() => {
    const k = (window as unknown as { __kgx: KgxDebugView }).__kgx;
    return { ready: k.ready, nodeCount: k.nodeCount, edgeCount: k.edgeCount, visibleNodeCount: k.visibleNodeCount, selectedIds: k.selectedIds };
  });
}

async function openPage(): Promise<void> {
  await page.goto(server.url + '/');
  await page.waitForFunction(() => (window as unknown as { __kgx?: KgxDebugView }).__kgx?.ready === true, undefined, { timeout: 30_000 });
}

/** Clicks (or double-clicks) where a node, or an edge's midpoint, is drawn. */
async function clickElement(id: string, clickCount = 1): Promise<void> {
  const box = await page.locator('#cy').boundingBox();
  const at = await page.evaluate((elementId) => (window as unknown as { __kgx: { renderedPosition(id: string): { x: number; y: number } | null } }).__kgx.renderedPosition(elementId), id);
  if (!box || !at) throw new Error(`${id} is not drawn`);
  await page.mouse.click(box.x + at.x, box.y + at.y, { clickCount });
}

beforeAll(async () => {
  if (!existsSync(DIST_INDEX)) throw new Error(`${DIST_INDEX} is missing: run \`npm run build:web\` first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\`.`);
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  problems = [];
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  page = await context.newPage();
  // fcose starts from random positions; a seeded Math.random makes every run draw the same layout,
  // so tests that click on the canvas hit the same thing each time.
  await page.addInitScript(() => {
    let state = 0x2f6b3a1d;
    Math.random = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.route(`${server.url}/`, async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    if (!headers['content-security-policy']) headers['content-security-policy'] = STRICT_CSP;
    await route.fulfill({ response, headers });
  });
});

afterEach(async () => {
  await context?.close();
});

describe('the explorer page', () => {
  it('shows the seed graph, finds Gro Jære and shows her evidence', async () => {
    await openPage();

    const initial = await debugView();
    expect(initial.nodeCount).toBeGreaterThan(10);
    expect(initial.edgeCount).toBeGreaterThan(10);
    expect(initial.visibleNodeCount).toBe(initial.nodeCount);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/\d+ entities, \d+ relationships/);

    // The legend names every kind, each with a checkbox that is on.
    const legend = page.locator('#legend');
    for (const label of KIND_LABELS) {
      const box = legend.getByRole('checkbox', { name: new RegExp(`^${label}\\b`) });
      expect(await box.isVisible(), label).toBe(true);
      expect(await box.isChecked(), label).toBe(true);
    }

    await page.getByLabel('Search').fill('jaere');
    const hit = page.getByRole('option', { name: /Gro Jære/ });
    await hit.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await hit.textContent()).toContain('Person');
    await hit.click();

    const panel = page.getByRole('complementary');
    await panel.getByRole('heading', { level: 2, name: 'Gro Jære' }).waitFor({ state: 'visible', timeout: 10_000 });
    const quote = panel.locator('mark', { hasText: 'administrerende direktør i Sykehuspartner' }).first();
    await quote.waitFor({ state: 'visible', timeout: 10_000 });
    // The quote sits in its sentence, and the document is named.
    const figure = panel.locator('figure').filter({ has: page.locator('mark', { hasText: 'administrerende direktør i Sykehuspartner' }) }).first();
    expect(await figure.locator('blockquote').textContent()).toContain('Denne arenaen er viktig');
    expect(await figure.locator('cite').textContent()).toBe('Helseregionenes IKT-virksomheter møtes årlig');
    // Her role at Sykehuspartner is listed with the other end's name.
    const role = panel.locator('.relationships > li', { hasText: 'ROLE_AT' }).first();
    expect(await role.textContent()).toContain('Sykehuspartner');

    const after = await debugView();
    expect(after.selectedIds).toEqual(['person:gro-jaere']);
    expect(after.nodeCount).toBeGreaterThanOrEqual(initial.nodeCount);

    await page.screenshot({ path: SCREENSHOT });
    expect(problems).toEqual([]);
  });

  it('chooses a hit with the keyboard and shows kind-specific fields', async () => {
    await openPage();
    const search = page.getByLabel('Search');
    await search.fill('infrastrukturmodernisering');
    await page.getByRole('option', { name: /STIM/ }).waitFor({ state: 'visible', timeout: 10_000 });
    await search.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBe('search-option-0');
    await search.press('Enter');
    const panel = page.getByRole('complementary');
    await panel.getByRole('heading', { level: 2, name: 'STIM' }).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await panel.locator('.facts').textContent()).toContain('standardisering og infrastrukturmodernisering');
    expect(problems).toEqual([]);
  });

  it('opens a node on click, a relationship on edge click, and expands on double-click', async () => {
    await openPage();
    await clickElement('org:sykehuspartner');
    const panel = page.getByRole('complementary');
    await panel.getByRole('heading', { level: 2, name: 'Sykehuspartner' }).waitFor({ state: 'visible', timeout: 10_000 });
    // The heading shows at once from the graph; the rest arrives with the details.
    await panel.getByRole('button', { name: 'Expand neighbourhood' }).waitFor({ state: 'visible', timeout: 10_000 });

    await clickElement('rel:person:gro-jaere-ROLE_AT-org:sykehuspartner');
    await panel.getByRole('heading', { level: 2, name: 'ROLE_AT: administrerende direktør' }).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await panel.locator('.facts').textContent()).toMatch(/From.*Gro Jære.*To.*Sykehuspartner/);
    expect(await panel.locator('mark').first().textContent()).toContain('administrerende direktør i Sykehuspartner');

    // Following the link to an endpoint opens that entity.
    await panel.getByRole('button', { name: 'Gro Jære' }).click();
    await panel.getByRole('heading', { level: 2, name: 'Gro Jære' }).waitFor({ state: 'visible', timeout: 10_000 });

    await clickElement('org:helse-nord-ikt', 2);
    // The seed graph is small enough to be drawn whole, so expanding finds nothing new and says so.
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/around Helse Nord IKT/);
    expect((await debugView()).selectedIds).toEqual(['org:helse-nord-ikt']);
    expect(problems).toEqual([]);
  });

  it('hides a kind when its legend box is unticked', async () => {
    await openPage();
    const before = await debugView();
    await page.locator('#legend').getByRole('checkbox', { name: /^Person\b/ }).uncheck();
    await expect.poll(async () => (await debugView()).visibleNodeCount).toBeLessThan(before.visibleNodeCount);
    expect((await debugView()).nodeCount).toBe(before.nodeCount);
    await page.locator('#legend').getByRole('checkbox', { name: /^Person\b/ }).check();
    // Cytoscape recomputes visibility on its next frame, hence the poll.
    await expect.poll(async () => (await debugView()).visibleNodeCount).toBe(before.nodeCount);
  });

  it('renders hostile data as text, never as markup', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">Evil & Co';
    const text = `Intro. Dette er ${evil} her. Slutt.`;
    const entity = { id: 'org:evil', kind: 'ORGANISATION', name: evil, degree: 0 };
    const answers: Record<string, unknown> = {
      Graph: { graph: { nodes: [entity], edges: [], truncated: false } },
      Search: { search: [{ score: 1, entity }] },
      Neighbourhood: { neighbourhood: { nodes: [entity], edges: [], truncated: false } },
      Entity: {
        entity: {
          ...entity,
          aliases: ['<b>bold</b>'],
          description: '<script>window.__pwned=2</script>',
          vision: null,
          evidence: [
            // Right offsets, then offsets that do not match the text: the quote must still show.
            { id: 'ev:1', quote: evil, start: text.indexOf(evil), end: text.indexOf(evil) + evil.length, supports: null, document: { id: 'doc:x', title: '<i>Doc</i>', text, publishedAt: null, source: 'javascript:alert(1)' } },
            { id: 'ev:2', quote: 'Slutt.', start: 0, end: 3, supports: null, document: { id: 'doc:x', title: 'Doc', text, publishedAt: null, source: null } },
          ],
          relationships: { edges: [] },
        },
        neighbourhood: { nodes: [entity] },
      },
    };
    await page.route(`${server.url}/graphql`, async (route) => {
      const operation = /query (\w+)/.exec(String(route.request().postDataJSON()?.query))?.[1] ?? '';
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: answers[operation] ?? null }) });
    });
    await openPage();
    await page.getByLabel('Search').fill('evil');
    await page.getByRole('option').first().click();
    const panel = page.getByRole('complementary');
    await panel.locator('.evidence').first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(evil);
    expect(await panel.locator('mark').first().textContent()).toBe(evil);
    expect(await panel.locator('mark').nth(1).textContent()).toBe('Slutt.');
    expect(await panel.locator('.evidence-warning').count()).toBe(1);
    expect(await panel.locator('blockquote[cite]').count()).toBe(0);
    expect(await page.locator('img, b, i, script:not([src])').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('shows API errors with their code in the status region', async () => {
    await openPage();
    await page.route(`${server.url}/graphql`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ data: null, errors: [{ message: 'The graph database is not available right now; try again shortly.', extensions: { code: 'DATABASE_UNAVAILABLE' } }] }),
      }),
    );
    await page.getByLabel('Search').fill('sykehus');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('DATABASE_UNAVAILABLE');
    expect(await page.getByRole('status').textContent()).toContain('Search failed');

    await page.unroute(`${server.url}/graphql`);
    await page.route(`${server.url}/graphql`, (route) => route.abort('connectionrefused'));
    await page.getByLabel('Search').fill('helse');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('NETWORK_ERROR');
  });
});
