import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeGraph } from '../../server/src/write/graph.js';
import { removeTestData, startTestServer } from '../../server/test/harness.js';
import { clickElement as clickOn, launchChromium } from './chromium.js';

/**
 * The built page against the real server (dist/web + /graphql on the test Neo4j with the seeds),
 * in a real Chromium. Needs `npm run build:web` first (npm test runs it in pretest).
 */

/** Screenshots of each step, kept as test artefacts (git-ignored). */
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
// Asynchronous on purpose: the test server runs in this process, so a blocking child would deadlock it.
const run = async (file: string, args: string[]): Promise<string> => (await promisify(execFile)(file, args, { encoding: 'utf8' })).stdout;
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png` });
const KIND_LABELS = ['Organisation', 'Person', 'Programme', 'Vendor', 'Product', 'Event', 'Place', 'Topic'];
// What the server will send; applied here when it sends none yet, so the page is proven to work under it.
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

interface KgxDebugView {
  ready: boolean;
  nodeCount: number;
  edgeCount: number;
  visibleNodeCount: number;
  visibleEdgeCount: number;
  selectedIds: string[];
}

interface KgxDebugFull extends KgxDebugView {
  positions(): Record<string, { x: number; y: number }>;
  allInView(): boolean;
}

const kgx = (): Promise<KgxDebugView> => debugView();

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Console errors, uncaught exceptions and CSP violations seen by the current page. */
let problems: string[];

async function debugView(): Promise<KgxDebugView> {
  return page.evaluate(() => {
    const k = (window as unknown as { __kgx: KgxDebugView }).__kgx;
    return { ready: k.ready, nodeCount: k.nodeCount, edgeCount: k.edgeCount, visibleNodeCount: k.visibleNodeCount, visibleEdgeCount: k.visibleEdgeCount, selectedIds: k.selectedIds };
  });
}

async function openPage(): Promise<void> {
  await page.goto(server.url + '/');
  await page.waitForFunction(() => (window as unknown as { __kgx?: KgxDebugView }).__kgx?.ready === true, undefined, { timeout: 30_000 });
}

/** Clicks (or double-clicks) where a node, or an edge's midpoint, is drawn. */
const clickElement = (id: string, clickCount = 1) => clickOn(page, id, clickCount);

/** The text a "+N more" stub shows on the canvas, or null when none is drawn. */
async function stubLabel(id: string): Promise<string | null> {
  return page.evaluate((stubId) => (window as unknown as { __kgx: { stubLabel(id: string): string | null } }).__kgx.stubLabel(stubId), id);
}

async function positions(): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => (window as unknown as { __kgx: KgxDebugFull }).__kgx.positions());
}

async function allInView(): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __kgx: KgxDebugFull }).__kgx.allInView());
}

/** The status line must say exactly what the canvas draws. */
async function expectStatusMatchesScene(): Promise<void> {
  const view = await debugView();
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(new RegExp(`^${view.visibleNodeCount} nodes · ${view.visibleEdgeCount} edges shown of \\d+`));
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium(['--disable-background-networking', '--disable-quic', '--disable-component-update', '--disable-sync']);
  server = await startTestServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  await freshPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
});

/** A new browser context and page, watched for console errors and held to the strict CSP. */
async function freshPage(options: Parameters<Browser['newContext']>[0]): Promise<void> {
  await context?.close();
  problems = [];
  context = await browser.newContext(options);
  page = await context.newPage();
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
}

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
    await expectStatusMatchesScene();

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
    const role = panel.locator('.rel-group', { hasText: 'ROLE_AT' }).first();
    expect(await role.textContent()).toContain('Sykehuspartner');

    const after = await debugView();
    expect(after.selectedIds).toEqual(['person:gro-jaere']);
    expect(after.nodeCount).toBeGreaterThanOrEqual(initial.nodeCount);

    await shot('search-evidence');
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
    await expect.poll(() => page.locator('#toolbar-message').textContent(), { timeout: 10_000 }).toMatch(/around Helse Nord IKT/);
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
      Stats: { stats: { entities: 1, relationships: 0, documents: 1, evidence: 2 } },
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
            { id: 'ev:1', quote: evil, start: text.indexOf(evil), end: text.indexOf(evil) + evil.length, supports: null, context: { text, documentStart: 0, quoteStart: text.indexOf(evil), quoteEnd: text.indexOf(evil) + evil.length }, document: { id: 'doc:x', title: '<i>Doc</i>', text, publishedAt: null, source: 'javascript:alert(1)' } },
            { id: 'ev:2', quote: 'Slutt.', start: 0, end: 3, supports: null, context: { text, documentStart: 0, quoteStart: 0, quoteEnd: 3 }, document: { id: 'doc:x', title: 'Doc', text, publishedAt: null, source: null } },
          ],
          relationships: { edges: [] },
        },
        neighbourhood: { nodes: [entity] },
      },
      // The document view fetches the text only when it opens.
      Document: { document: { id: 'doc:x', text } },
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
    // The entity list (the canvas as text) names it as text too.
    expect(await page.locator('#entity-list button[data-id="org:evil"]').textContent()).toContain(evil);
    // The document view: the quote marked, the javascript: source shown as text, never as a link.
    await panel.getByRole('button', { name: 'Read in document' }).first().click();
    const dialog = page.locator('#document-dialog');
    expect(await dialog.locator('mark.current').textContent()).toBe(evil);
    expect(await dialog.locator('a').count()).toBe(0);
    expect(await dialog.textContent()).toContain('javascript:alert(1)');
    expect(await page.locator('img, b, i, script:not([src])').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('shows errors in words next to the search box, and clears them with the next success', async () => {
    await openPage();
    await page.route(`${server.url}/graphql`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ data: null, errors: [{ message: 'The graph database is not available right now; try again shortly.', extensions: { code: 'DATABASE_UNAVAILABLE' } }] }),
      }),
    );
    const error = page.locator('#search-error');
    await page.getByLabel('Search').fill('sykehus');
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toMatch(/^Search failed\. The graph database is not available right now/);
    expect(await error.textContent()).not.toContain('DATABASE_UNAVAILABLE');

    await page.unroute(`${server.url}/graphql`);
    await page.getByLabel('Search').fill('helse');
    await expect.poll(() => error.isHidden(), { timeout: 10_000 }).toBe(true);

    await page.route(`${server.url}/graphql`, (route) => route.abort('connectionrefused'));
    await page.getByLabel('Search').fill('sykehuspartner');
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain('The server cannot be reached');
    // No console stacks for failures the page handles (the aborted request itself is logged by Chromium).
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });

  it('the search box limits its own length', async () => {
    await openPage();
    await page.getByLabel('Search').fill('x'.repeat(500));
    expect((await page.getByLabel('Search').inputValue()).length).toBe(200);
  });
});

describe('the analyst’s flow (issue 8)', () => {
  it('search, add, expand, read the quote in its document, undo, and reopen the permalink unchanged', async () => {
    await openPage();
    await expectStatusMatchesScene();
    await shot('01-overview');
    // The seed graph is small enough to show whole, so start from a scene without Gro Jære.
    await page.locator('#entity-list button[data-id="person:gro-jaere"]').click();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    expect((await kgx()).nodeCount).toBe(31);
    const placed = await positions();

    await page.getByLabel('Search').fill('jaere');
    await page.getByRole('option', { name: /Gro Jære/ }).click();
    await expect.poll(async () => (await kgx()).selectedIds).toEqual(['person:gro-jaere']);
    expect((await kgx()).nodeCount).toBe(32);
    // Nodes already on screen stayed where they were.
    const after = await positions();
    for (const [id, p] of Object.entries(placed)) expect(after[id], id).toEqual(p);
    await expectStatusMatchesScene();
    await shot('02-added');

    await page.getByRole('button', { name: 'Expand', exact: true }).click();
    await expect.poll(() => page.locator('#toolbar-message').textContent(), { timeout: 10_000 }).toMatch(/around Gro Jære/);

    const panel = page.getByRole('complementary');
    const figure = panel.locator('figure', { has: page.locator('mark', { hasText: 'administrerende direktør' }) }).first();
    await figure.waitFor({ state: 'visible', timeout: 10_000 });
    // Relationships are grouped by type, each group with its count.
    expect(await panel.locator('.rel-group h4', { hasText: 'ROLE_AT' }).textContent()).toMatch(/ROLE_AT\s*1/);
    await figure.getByRole('button', { name: 'Read in document' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Helseregionenes IKT-virksomheter møtes årlig' }).waitFor();
    const current = dialog.locator('mark.current');
    expect(await current.textContent()).toContain('administrerende direktør i Sykehuspartner');
    expect(await dialog.locator('mark').count()).toBeGreaterThan(1);
    expect(await current.isVisible()).toBe(true);
    const box = await current.boundingBox();
    expect(box && box.y > 0 && box.y < 900).toBe(true);
    await shot('03-document');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await kgx()).nodeCount).toBe(31);
    expect(await page.locator('#entity-list button[data-id="person:gro-jaere"]').count()).toBe(0);
    await expectStatusMatchesScene();
    await shot('04-undone');

    // The URL follows the scene; reopening it gives the same scene at the same positions.
    await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toMatch(/^#s=/);
    await page.waitForTimeout(400);
    const link = page.url();
    const scene = await positions();
    await page.goto('about:blank');
    await page.goto(link);
    await page.waitForFunction(() => (window as unknown as { __kgx?: KgxDebugView }).__kgx?.ready === true, undefined, { timeout: 30_000 });
    expect(await positions()).toEqual(scene);
    expect((await kgx()).nodeCount).toBe(31);
    await expectStatusMatchesScene();
    await shot('05-permalink');
    expect(problems).toEqual([]);
  });

  it('falls back to the overview, and says so, when the link is damaged', async () => {
    await page.goto(server.url + '/#s=eJzLSM3JyQcABiwCFQ-cut-short');
    await page.waitForFunction(() => (window as unknown as { __kgx?: KgxDebugView }).__kgx?.ready === true, undefined, { timeout: 30_000 });
    expect(await page.locator('#toolbar-message').textContent()).toMatch(/link in the address bar could not be read/);
    expect((await kgx()).nodeCount).toBe(32);
    await expectStatusMatchesScene();
    expect(problems).toEqual([]);
  });

  it('finds the paths between Gro Jære and Epic on the server and fades the rest', async () => {
    const asked: Record<string, unknown>[] = [];
    page.on('request', (request) => {
      const body = request.postDataJSON() as { query?: string; variables: Record<string, unknown> } | null;
      if (body?.query?.startsWith('query ShortestPath')) asked.push(body.variables);
    });
    await openPage();
    await page.locator('#entity-list button[data-id="person:gro-jaere"]').click();
    await page.locator('#entity-list button[data-id="vendor:epic"]').click({ modifiers: ['Shift'] });
    expect((await kgx()).selectedIds).toEqual(['person:gro-jaere', 'vendor:epic']);
    await page.getByRole('button', { name: 'Paths', exact: true }).click();
    await expect.poll(() => page.locator('#toolbar-message').textContent(), { timeout: 10_000 }).toMatch(/^(Shortest path|\d+ shortest paths), \d+ steps: Gro Jære → .* → Epic\./);
    expect(asked).toEqual([{ from: 'person:gro-jaere', to: 'vendor:epic', all: true }]);
    await shot('06-path');
    await page.keyboard.press('Escape');
    expect((await kgx()).selectedIds).toEqual([]);
  });

  it('hides, shows only the selection, shows hidden again, filters a relationship type, with counts to match', async () => {
    await openPage();
    const all = await kgx();
    await page.locator('#entity-list button[data-id="org:sykehuspartner"]').click();
    await page.keyboard.press('o');
    await expect.poll(async () => (await kgx()).visibleNodeCount).toBe(1);
    await expectStatusMatchesScene();
    expect(await page.getByRole('status').first().textContent()).toContain(`${all.nodeCount - 1} hidden`);
    await page.keyboard.press('s');
    await expect.poll(async () => (await kgx()).visibleNodeCount).toBe(all.nodeCount);
    await page.locator('#legend').getByRole('checkbox', { name: /^DISCUSSED\b/ }).uncheck();
    await expect.poll(async () => (await kgx()).visibleEdgeCount).toBeLessThan(all.visibleEdgeCount);
    await expectStatusMatchesScene();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await kgx()).visibleEdgeCount).toBe(all.visibleEdgeCount);
  });

  it('previews a hub’s expansion with the server’s groups and fetches only the chosen group', async () => {
    // A generated hub: the real Sykehuspartner with 40 people and 10 topics the seed graph does not have,
    // answered in the server's shapes (expansionPreview from counts; neighbourhood per group).
    const hub = { id: 'org:sykehuspartner', kind: 'ORGANISATION', name: 'Sykehuspartner', degree: 55 };
    const topics = Array.from({ length: 10 }, (_, i) => ({ id: `topic:gen-${i}`, kind: 'TOPIC', name: `Generated Topic ${i}`, degree: 1 }));
    const topicEdges = topics.map((t) => ({ id: `rel:${hub.id}-DISCUSSED-${t.id}`, type: 'DISCUSSED', source: hub.id, target: t.id, title: null }));
    const groups = [
      { type: 'ROLE_AT', direction: 'INCOMING', kind: 'PERSON', count: 40 },
      { type: 'DISCUSSED', direction: 'OUTGOING', kind: 'TOPIC', count: 10 },
    ];
    const asked: { query: string; variables: Record<string, unknown> }[] = [];
    await page.route(`${server.url}/graphql`, async (route) => {
      const body = route.request().postDataJSON() as { query: string; variables: { id?: string; ids?: string[] } };
      if (body.variables.id === hub.id || body.variables.ids?.[0] === hub.id) asked.push(body);
      if (/query ExpansionPreview/.test(body.query) && body.variables.id === hub.id) {
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { expansionPreview: groups } }) });
      } else if (/query Neighbourhood/.test(body.query) && body.variables.ids?.[0] === hub.id) {
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { neighbourhood: { nodes: [hub, ...topics], edges: topicEdges, hidden: [{ id: hub.id, count: 40 }], truncated: false } } }) });
      } else await route.continue();
    });
    await openPage();
    const before = await kgx();
    await page.locator('#entity-list button[data-id="org:sykehuspartner"]').click();
    asked.length = 0;
    await page.getByRole('button', { name: 'Expand', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Expand Sykehuspartner: 50 neighbours' }).waitFor({ timeout: 10_000 });
    // The preview came from expansionPreview alone: no neighbour was fetched to draw it.
    expect(asked.map((a) => /query (\w+)/.exec(a.query)?.[1])).toEqual(['ExpansionPreview']);
    const rows = dialog.locator('.preview-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(/← ROLE_AT ←.*Person\s*40/);
    expect(await rows.nth(1).textContent()).toMatch(/→ DISCUSSED →.*Topic\s*10/);
    await shot('06b-hub-preview');
    await rows.nth(1).getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Add 10 entities' }).click();
    await expect.poll(async () => (await kgx()).nodeCount).toBe(before.nodeCount + 10);
    const fetched = asked.filter((a) => /query Neighbourhood/.test(a.query)).map((a) => a.variables);
    expect(fetched).toEqual([{ ids: [hub.id], depth: 1, limit: 200, kinds: ['TOPIC'], relationshipTypes: ['DISCUSSED'], direction: 'OUTGOING' }]);
    expect(await page.locator('#entity-list button[data-id="person:gen-0"]').count()).toBe(0);
    await expectStatusMatchesScene();
    expect(problems).toEqual([]);
  });

  it('counts “+N more” from the server’s hidden counts; the +N stub on the canvas and Load more page through the rest', async () => {
    const hub = { id: 'org:sykehuspartner', kind: 'ORGANISATION', name: 'Sykehuspartner', degree: 45 };
    const people = Array.from({ length: 40 }, (_, i) => ({ id: `person:more-${i}`, kind: 'PERSON', name: `More Person ${i}`, degree: 1 }));
    const edges = people.map((p) => ({ id: `rel:${p.id}-ROLE_AT`, type: 'ROLE_AT', source: p.id, target: hub.id, title: null }));
    const limits: number[] = [];
    // Three pages: 5, then 20, then all 40 neighbours.
    const pages = [5, 20, 40];
    await page.route(`${server.url}/graphql`, async (route) => {
      const body = route.request().postDataJSON() as { query: string; variables: { ids?: string[]; limit?: number; id?: string } };
      if (/query ExpansionPreview/.test(body.query) && body.variables.id === hub.id) {
        // Few enough to expand without the preview.
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { expansionPreview: [{ type: 'ROLE_AT', direction: 'INCOMING', kind: 'PERSON', count: 15 }] } }) });
      } else if (/query Neighbourhood/.test(body.query) && body.variables.ids?.[0] === hub.id) {
        limits.push(body.variables.limit ?? 0);
        const count = pages[Math.min(limits.length, pages.length) - 1]!;
        const shown = people.slice(0, count);
        const left = people.length - count;
        const neighbourhood = { nodes: [hub, ...shown], edges: edges.slice(0, count), hidden: left ? [{ id: hub.id, count: left }] : [], truncated: left > 0 };
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { neighbourhood } }) });
      } else await route.continue();
    });
    await openPage();
    const before = await kgx();
    await page.locator('#entity-list button[data-id="org:sykehuspartner"]').click();
    await page.keyboard.press('e');
    await expect.poll(async () => (await kgx()).nodeCount).toBe(before.nodeCount + 5);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('+35 more relationships on 1 entity');
    expect(await page.locator('#entity-list button[data-id="org:sykehuspartner"] .more-badge').textContent()).toBe(' +35');
    await expectStatusMatchesScene();

    // The canvas shows "+35 more" beside the hub; a click on it brings the next page in.
    const stub = 'more:org:sykehuspartner';
    expect(await stubLabel(stub)).toBe('+35 more');
    await shot('07a-more-stub');
    await clickElement(stub);
    await expect.poll(async () => (await kgx()).nodeCount).toBe(before.nodeCount + 20);
    expect(limits[1]).toBeGreaterThan(limits[0]!);
    await expect.poll(() => stubLabel(stub)).toBe('+20 more');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('+20 more relationships on 1 entity');
    await expectStatusMatchesScene();

    // The toolbar's Load more (M) does the same for the selected hub; with nothing left the stub goes.
    await page.getByRole('button', { name: 'Load more', exact: true }).click();
    await expect.poll(async () => (await kgx()).nodeCount).toBe(before.nodeCount + 40);
    expect(limits[2]).toBeGreaterThanOrEqual(limits[1]!);
    await expect.poll(() => stubLabel(stub)).toBeNull();
    expect(await page.getByRole('status').first().textContent()).not.toContain('more relationships');
    expect(await page.locator('#toolbar-message').textContent()).toMatch(/All of its relationships are in the scene/);
    await expectStatusMatchesScene();
    await shot('07b-more-loaded');
    expect(problems).toEqual([]);
  });

  it('asks the real server for a hub preview', async () => {
    await openPage();
    const answer = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query ExpansionPreview($id: ID!) { expansionPreview(id: $id) { type direction kind count } }', variables: { id: 'org:sykehuspartner' } }),
      });
      return (await response.json()) as { data?: { expansionPreview: { count: number }[] } };
    });
    // The page's query is the server's: it validates, and a hub this size has groups to show.
    expect(answer.data?.expansionPreview.length).toBeGreaterThan(0);
  });

  it('the query drawer’s curl reproduces the scene’s data', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await openPage();
    await page.getByRole('button', { name: 'Query', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Queries behind this scene' }).waitFor();
    await dialog.getByRole('button', { name: 'Copy as curl' }).first().click();
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toBe('curl copied.');
    await shot('07-query');
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toMatch(/^curl -s '/);
    const answer = JSON.parse(await run('bash', ['-c', curl])) as { data: { graph: { nodes: { id: string }[]; edges: unknown[] } } };
    const view = await kgx();
    expect(answer.data.graph.nodes).toHaveLength(view.nodeCount);
    expect(answer.data.graph.edges).toHaveLength(view.edgeCount);
  });

  it('hides a fact when the time slider moves before its source, and shows it again for now', async () => {
    // A dated fact written through the write path (as server/test/read-api.int.test.ts does), removed afterwards.
    const run = randomUUID().slice(0, 8);
    const doc = `doc:slider-${run}`;
    const person = `person:slider-${run}`;
    const sp = 'org:sykehuspartner';
    await server.db.write((tx) =>
      writeGraph(
        tx,
        {
          documents: [{ id: doc, title: 'Datert', text: 'Per Glider er direktør i Sykehuspartner.', publishedAt: '2020-03', source: null, language: 'nb' }],
          entities: [{ id: person, kind: 'PERSON', name: 'Per Glider', evidence: [{ documentId: doc, quote: 'Per Glider' }], place: 'test' }],
          relationships: [{ id: `rel:slider-${run}`, type: 'ROLE_AT', source: person, target: sp, title: 'direktør', evidence: [{ documentId: doc, quote: 'er direktør i Sykehuspartner' }], place: 'test' }],
        },
        { source: `api:slider-test-${run}`, at: '2026-01-01T00:00:00.000Z' },
        { fields: 'patch', retype: false, evidence: 'add' },
      ),
    );
    try {
      await openPage();
      const entry = page.locator(`#entity-list button[data-id="${person}"]`);
      expect(await entry.count()).toBe(1);
      await page.getByLabel('Date (year or year-month), empty for now').fill('2019');
      await page.getByLabel('Date (year or year-month), empty for now').press('Enter');
      await expect.poll(() => entry.count(), { timeout: 10_000 }).toBe(0);
      expect(await page.locator('#toolbar-message').textContent()).toMatch(/up to 2019/);
      await expectStatusMatchesScene();
      await shot('08-as-of-2019');
      // The query drawer shows the date the scene was asked for.
      await page.getByRole('button', { name: 'Query', exact: true }).click();
      expect(await page.getByRole('dialog').textContent()).toMatch(/"asOf":\s*"2019"/);
      await page.keyboard.press('Escape');
      // The slider's right end, or "Now", shows everything again.
      await page.getByRole('button', { name: 'Now', exact: true }).click();
      await expect.poll(() => entry.count(), { timeout: 10_000 }).toBe(1);
      // A date the API does not know is refused next to the control, and nothing changes.
      await page.getByLabel('Date (year or year-month), empty for now').fill('2019-13');
      await page.getByLabel('Date (year or year-month), empty for now').press('Enter');
      expect(await page.locator('#toolbar-message').textContent()).toMatch(/not a date/);
      expect(await entry.count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      // Removes the dated fact and recomputes Sykehuspartner's stored counts, as the write path would.
      await removeTestData(server.db, `slider-${run}`);
    }
  });

  it('lists every shortcut in the ? dialog and closes it with Escape', async () => {
    await openPage();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    const actions = dialog.getByRole('table', { name: 'Actions' });
    for (const keys of ['Ctrl+Z', 'Ctrl+Shift+Z', 'H', 'P', 'F', 'L', 'X', 'Q', 'Escape']) {
      expect(await actions.locator('kbd', { hasText: new RegExp(`^${keys.replace(/[+?]/g, '\\$&')}$`) }).count(), keys).toBe(1);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('exports the whole scene as PNG at twice the resolution', async () => {
    await openPage();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('knowledge-graph.png');
    const path = await download.path();
    const header = await readFile(path!);
    expect(header.subarray(1, 4).toString()).toBe('PNG');
    const width = header.readUInt32BE(16);
    const canvas = await page.locator('#cy').boundingBox();
    expect(width).toBeGreaterThan(canvas!.width);
  });

  it('exports the whole scene as SVG, every relationship with its arrowhead', async () => {
    await openPage();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Shift+X')]);
    expect(download.suggestedFilename()).toBe('knowledge-graph.svg');
    const svg = await readFile((await download.path())!, 'utf8');
    expect(svg).toMatch(/^<\?xml|^<svg/);
    expect(svg).toContain('Gro Jære');
    const view = await kgx();
    // Each relationship is a stroked line plus a filled arrowhead; nodes add their own shapes.
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(2 * view.edgeCount);
    await expect.poll(() => page.locator('#toolbar-message').textContent()).toContain('Exported the scene as SVG');
    expect(problems).toEqual([]);
  });

  it('shows the whole graph on a phone at first view', async () => {
    await freshPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await openPage();
    await page.waitForTimeout(300);
    expect(await allInView()).toBe(true);
    const view = await kgx();
    expect(view.visibleNodeCount).toBe(view.nodeCount);
    const cy = await page.locator('#cy').boundingBox();
    expect(cy!.height).toBeGreaterThan(250);
    await shot('08-phone');
    expect(problems).toEqual([]);
  });

  it('follows the system’s dark mode', async () => {
    await freshPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
    await openPage();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(21, 25, 31)');
    await shot('09-dark');
  });
});

describe('serving the page', () => {
  it('sends hashed assets precompressed and cached for a year, index.html revalidated', async () => {
    const index = await fetch(server.url + '/', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    // Node's fetch would decode the body; a raw request shows what went over the wire.
    const raw = await run('curl', ['-sS', '-D', '-', '-o', '/dev/null', '-H', 'accept-encoding: br', server.url + script!]);
    expect(raw).toMatch(/content-encoding: br/i);
    expect(raw).toMatch(/cache-control: public, max-age=31536000, immutable/i);
    const length = Number(/content-length: (\d+)/i.exec(raw)?.[1]);
    // The whole first load (script, style, page) stays under 250 KB compressed.
    expect(length).toBeLessThan(230_000);
  });
});
