import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeScene } from '../../server/src/write/scenes.js';
import { startTestServer } from '../../server/test/harness.js';
import { SCENES_PAGE } from '../src/panels/scenes.js';
import { launchChromium } from './chromium.js';

/** Saved scenes in the built page, against the real server and Neo4j, in Debian's Chromium. */

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const RUN = randomUUID().slice(0, 8);
const TOKEN = `page-scenes-${RUN}-0123456789`;
const NAME = `Without Gro ${RUN}`;

interface Debug {
  ready: boolean;
  nodeCount: number;
  positions(): Record<string, { x: number; y: number }>;
}

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

const debug = () => page.evaluate(() => ({ nodeCount: (window as unknown as { __kgx: Debug }).__kgx.nodeCount }));
const positions = () => page.evaluate(() => (window as unknown as { __kgx: Debug }).__kgx.positions());
const message = () => page.locator('#toolbar-message').textContent();
const dialogStatus = () => page.locator('#scenes-dialog .scenes-status').textContent();

async function openPage(): Promise<void> {
  await page.goto(server.url + '/');
  await page.waitForFunction(() => (window as unknown as { __kgx?: Debug }).__kgx?.ready === true, undefined, { timeout: 30_000 });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  server = await startTestServer({ writeTokens: [{ name: 'page', token: TOKEN }] });
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  if (server) {
    await server.db.write((tx) => tx.run('MATCH (s:Scene) WHERE s.name CONTAINS $run DELETE s', { run: RUN }));
    await server.close();
  }
});

describe('saved scenes in the page', () => {
  it('without a write token, Save scene says what is needed and saves nothing', async () => {
    await openPage();
    await page.getByRole('button', { name: 'Save scene' }).click();
    await page.getByLabel('Scene name').fill(NAME);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(dialogStatus, { timeout: 15_000 }).toMatch(/needs a write token.*Review/);
    await page.keyboard.press('Escape');
    const stored = await server.db.read((tx) => tx.run('MATCH (s:Scene {name: $name}) RETURN count(s) AS n', { name: NAME }));
    expect(Number(stored.records[0]?.get('n'))).toBe(0);
  });

  it('saves a scene under a name, and reopens it after a reload with the same entities at the same positions', async () => {
    await openPage();
    // The token, given once in the review panel, is kept for this tab.
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByLabel('Write token').fill(TOKEN);
    await page.getByLabel('Write token').press('Tab');
    await page.getByRole('button', { name: 'Review' }).click();

    // A scene of the analyst's own: Gro Jære removed, everything laid out again.
    const overview = (await debug()).nodeCount;
    await page.locator('#entity-list button[data-id="person:gro-jaere"]').click();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByRole('button', { name: 'Layout', exact: true }).click();
    await expect.poll(message, { timeout: 15_000 }).toMatch(/^Laid out/);
    const saved = await positions();
    expect(Object.keys(saved)).toHaveLength(overview - 1);
    expect(saved['person:gro-jaere']).toBeUndefined();

    // Ctrl+S opens the dialog on the name field.
    await page.locator('#cy').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 15_000 }).toBe('scene-name');
    await page.keyboard.type(NAME);
    await page.keyboard.press('Enter');
    await expect.poll(dialogStatus, { timeout: 15_000 }).toMatch(new RegExp(`^Saved “${NAME}” \\(${overview - 1} entities\\)`));
    await expect.poll(() => page.locator('#scenes-dialog .scene-item', { hasText: NAME }).count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}scenes-01-saved.png` });
    await page.keyboard.press('Escape');

    // A fresh start: the overview, every entity back where the overview puts it.
    await page.goto('about:blank');
    await openPage();
    expect((await debug()).nodeCount).toBe(overview);

    // N opens the list; the saved scene opens by keyboard.
    await page.locator('#cy').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    const open = page.getByRole('button', { name: `Open ${NAME}` });
    await open.waitFor({ state: 'visible', timeout: 10_000 });
    await open.focus();
    await page.keyboard.press('Enter');
    await expect.poll(message, { timeout: 15_000 }).toMatch(new RegExp(`^Opened the saved scene “${NAME}”`));
    expect(await page.locator('#scenes-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    const reopened = await positions();
    expect(Object.keys(reopened).sort()).toEqual(Object.keys(saved).sort());
    for (const [id, p] of Object.entries(saved)) {
      expect(Math.abs(reopened[id]!.x - p.x), id).toBeLessThanOrEqual(1);
      expect(Math.abs(reopened[id]!.y - p.y), id).toBeLessThanOrEqual(1);
    }
    await page.screenshot({ path: `${ARTIFACTS}scenes-02-reopened.png` });

    // Reopening is one undoable step.
    await page.getByRole('button', { name: 'Undo' }).click();
    expect((await debug()).nodeCount).toBe(overview);
    expect(problems).toEqual([]);
  });

  it('deletes a saved scene after a second press, and the list no longer shows it', async () => {
    await page.getByRole('button', { name: 'Scenes', exact: true }).click();
    const remove = page.getByRole('button', { name: `Delete ${NAME}` });
    await remove.click();
    await expect.poll(dialogStatus, { timeout: 15_000 }).toMatch(/cannot be undone/);
    await remove.click();
    await expect.poll(dialogStatus, { timeout: 15_000 }).toBe(`Deleted “${NAME}”.`);
    await expect.poll(() => page.locator('#scenes-dialog .scene-item', { hasText: NAME }).count(), { timeout: 15_000 }).toBe(0);
    const stored = await server.db.read((tx) => tx.run('MATCH (s:Scene {name: $name}) RETURN count(s) AS n', { name: NAME }));
    expect(Number(stored.records[0]?.get('n'))).toBe(0);
    expect(problems).toEqual([]);
  });

  it('pages through many saved scenes, newest first, with Show more until all are listed once', async () => {
    await openPage();
    await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toMatch(/^#s=/);
    const state = new URL(page.url()).hash.slice('#s='.length);
    // More than two pages, saved through the write path a second apart, so "most recent first" has one answer.
    const count = 2 * SCENES_PAGE + 5;
    const start = Date.parse('2031-01-01T00:00:00Z');
    const names = Array.from({ length: count }, (_, i) => `Paging ${RUN} ${String(i).padStart(2, '0')}`);
    await server.db.write(async (tx) => {
      for (const [i, name] of names.entries()) await writeScene(tx, { name, state }, { source: 'api:page', at: new Date(start + i * 1000).toISOString() });
    });
    const total = Number((await server.db.read((tx) => tx.run('MATCH (s:Scene) RETURN count(s) AS n'))).records[0]?.get('n'));
    const newestFirst = [...names].reverse();

    await page.locator('#cy').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    const dialog = page.locator('#scenes-dialog');
    const items = dialog.locator('.scene-item .scene-name');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(SCENES_PAGE);
    expect(await items.allTextContents()).toEqual(newestFirst.slice(0, SCENES_PAGE));
    expect(await dialog.locator('.scenes-count').textContent()).toBe(`${SCENES_PAGE} of ${total} saved scenes, most recent first.`);

    const more = dialog.getByRole('button', { name: `Show ${SCENES_PAGE} more scenes` });
    await more.click();
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(2 * SCENES_PAGE);
    // The focus goes to the first scene of the new page, where reading goes on.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Open ${newestFirst[SCENES_PAGE]}`);
    await page.screenshot({ path: `${ARTIFACTS}scenes-03-paged.png` });

    // Until the last page: every scene once, in order, and no button left.
    for (let pages = 2; pages * SCENES_PAGE < total; pages++) {
      await dialog.getByRole('button', { name: /^Show \d+ more scenes?$/ }).click();
      await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(Math.min(total, (pages + 1) * SCENES_PAGE));
    }
    const listed = await items.allTextContents();
    expect(listed).toHaveLength(total);
    expect(new Set(listed).size).toBe(total);
    expect(listed.filter((name) => name.includes(RUN) && name.startsWith('Paging'))).toEqual(newestFirst);
    expect(await dialog.locator('.scenes-more').isHidden()).toBe(true);
    expect(await dialog.locator('.scenes-count').textContent()).toBe(`All ${total} saved scenes, most recent first.`);
    expect(problems).toEqual([]);
  });
});
