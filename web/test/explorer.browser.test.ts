import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/harness.js';
import { ACTIONS, FOCUS_KEYS } from '../src/keys.js';
import { launchChromium } from './chromium.js';

/**
 * The page's chrome as an analyst meets it, in the built page against the real server and Neo4j, in Debian's
 * Chromium: the toolbar, Escape, errors beside their cause, the shortcuts dialog, text contrast in both themes,
 * and the phone. (The analyst's flow through the graph itself is in page.browser.test.ts.)
 */

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const TOOLBAR_ACTIONS = ACTIONS.filter((a) => a.group);

interface Debug {
  ready: boolean;
  nodeCount: number;
  visibleNodeCount: number;
  selectedIds: string[];
  allInView(): boolean;
}

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext | undefined;
let page: Page;
let problems: string[];

const debug = () =>
  page.evaluate(() => {
    const k = (window as unknown as { __kgx: Debug }).__kgx;
    return { nodeCount: k.nodeCount, visibleNodeCount: k.visibleNodeCount, selectedIds: k.selectedIds, allInView: k.allInView() };
  });
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}explorer-${name}.png` });
const message = async () => ({ text: (await page.locator('#toolbar-message').textContent()) ?? '', tone: await page.locator('#toolbar-message').getAttribute('data-tone') });
const cyBox = async () => {
  const box = await page.locator('#cy').boundingBox();
  return box && { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
};
const focused = () => page.evaluate(() => document.activeElement?.id || (document.activeElement as HTMLElement | null)?.dataset.action || document.activeElement?.tagName);

async function openPage(options: Parameters<Browser['newContext']>[0]): Promise<void> {
  await context?.close();
  problems = [];
  context = await browser.newContext(options);
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(server.url + '/');
  await page.waitForFunction(() => (window as unknown as { __kgx?: Debug }).__kgx?.ready === true, undefined, { timeout: 30_000 });
}

const DESKTOP = { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 } as const;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  server = await startTestServer();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Every text on screen (and every placeholder) whose colour on its actual background, alpha and opacity
 * blended in, is under 4.5:1. Runs in the page; only what is visible counts, and with a modal open only what
 * is in it. Disabled controls are exempt (WCAG 1.4.3).
 */
function lowContrast(): Promise<string[]> {
  return page.evaluate(() => {
    type Rgba = { r: number; g: number; b: number; a: number };
    const parse = (c: string): Rgba | null => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r: p[0]!, g: p[1]!, b: p[2]!, a: p[3] ?? 1 };
    };
    const channel = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    const lum = (c: Rgba) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    const over = (top: Rgba, under: Rgba): Rgba => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1 });
    const ratio = (x: Rgba, y: Rgba) => (Math.max(lum(x), lum(y)) + 0.05) / (Math.min(lum(x), lum(y)) + 0.05);
    const background = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0) {
          layers.push(c);
          if (c.a >= 1) break;
        }
      }
      return layers.reverse().reduce((under, top) => over(top, under), { r: 255, g: 255, b: 255, a: 1 });
    };
    const modal = document.querySelector('dialog[open]');
    const texts = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim() && n.parentElement) texts.add(n.parentElement);
    const bad: string[] = [];
    for (const el of [...texts, ...document.querySelectorAll('input[placeholder]')]) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!box.width || !box.height || style.visibility === 'hidden' || el.closest('[hidden], button:disabled, .visually-hidden')) continue;
      if (modal && !modal.contains(el)) continue;
      if (box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) continue;
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      const ground = background(el);
      const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className}`;
      const ink = parse(style.color)!;
      if (texts.has(el)) {
        const r = ratio(over({ ...ink, a: ink.a * opacity }, ground), ground);
        if (r < 4.5) bad.push(`${r.toFixed(2)} ${name} “${el.textContent?.trim().slice(0, 40)}”`);
      }
      const placeholder = (el as HTMLInputElement).placeholder ? parse(getComputedStyle(el, '::placeholder').color) : null;
      if (placeholder) {
        const r = ratio(over({ ...placeholder, a: placeholder.a * opacity }, ground), ground);
        if (r < 4.5) bad.push(`${r.toFixed(2)} placeholder of ${name}`);
      }
    }
    return bad;
  });
}

describe('the toolbar', () => {
  it('is one line at 1440×900, every action a labelled button one click away', async () => {
    await openPage(DESKTOP);
    const toolbar = page.getByRole('toolbar', { name: 'Scene actions' });
    const rows = await toolbar.getByRole('button').evaluateAll((buttons) => buttons.map((b) => [Math.round(b.getBoundingClientRect().top), Math.round(b.getBoundingClientRect().bottom)].join('-')));
    expect(rows).toHaveLength(TOOLBAR_ACTIONS.length);
    expect(new Set(rows).size, rows.join(' ')).toBe(1);
    // Nothing cut off at the right edge or scrolled away.
    expect(await toolbar.evaluate((t) => t.scrollWidth <= t.clientWidth && t.getBoundingClientRect().right <= innerWidth)).toBe(true);
    for (const a of TOOLBAR_ACTIONS) {
      const b = toolbar.getByRole('button', { name: a.label, exact: true });
      expect(await b.count(), a.label).toBe(1);
      expect(await b.getAttribute('title'), a.label).toContain(`(${a.keys})`);
    }
    // The time slider and the message share the line under it, so the bar and its outcome take two lines in all.
    const line = async (selector: string) => (await page.locator(selector).boundingBox())!;
    const [bar, asOf, said] = await Promise.all([line('#toolbar'), line('#asof-form'), line('#toolbar-message')]);
    expect(asOf.y).toBeGreaterThanOrEqual(bar.y + bar.height);
    expect(said.y + said.height / 2).toBeGreaterThan(asOf.y);
    expect(said.y + said.height / 2).toBeLessThan(asOf.y + asOf.height);
    await shot('01-toolbar');
    expect(problems).toEqual([]);
  });

  it('is one Tab stop; the arrow keys, Home and End move along it', async () => {
    await openPage(DESKTOP);
    await page.locator('#entity-list button[data-id="person:gro-jaere"]').click();
    // One undoable step, so Undo is enabled and Redo is not.
    await page.keyboard.press('l');
    await expect.poll(async () => (await message()).text, { timeout: 15_000 }).toMatch(/^Laid out/);
    await page.getByLabel('Search').focus();
    // Search, then Review, then the toolbar: one Tab reaches it, the next one leaves it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const first = await focused();
    expect(TOOLBAR_ACTIONS.map((a) => a.id as string)).toContain(first);
    await page.keyboard.press('Home');
    expect(await focused()).toBe('undo');
    await page.keyboard.press('ArrowRight');
    // Redo is disabled with nothing undone: the arrow skips it.
    expect(await focused()).toBe('expand');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('undo');
    await page.keyboard.press('End');
    expect(await focused()).toBe('help');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(TOOLBAR_ACTIONS.map((a) => a.id as string)).not.toContain(await focused());
  });
});

describe('the entity list', () => {
  it('is reached with T and walked with the arrow keys; Enter selects, Shift+Enter adds', async () => {
    await openPage(DESKTOP);
    await page.locator('#cy').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('t');
    const ids = await page.locator('#entity-list button').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id!));
    expect(await focused()).toBe('BUTTON');
    const current = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id);
    expect(await current()).toBe(ids[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await current()).toBe(ids[2]);
    await page.keyboard.press('ArrowUp');
    expect(await current()).toBe(ids[1]);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await debug()).selectedIds).toEqual([ids[1]]);
    // The list is rebuilt for the new selection; the focus stays on the chosen entity.
    expect(await current()).toBe(ids[1]);
    await page.keyboard.press('End');
    expect(await current()).toBe(ids.at(-1));
    await page.keyboard.press('Shift+Enter');
    await expect.poll(async () => (await debug()).selectedIds).toEqual([ids[1], ids.at(-1)]);
    await page.keyboard.press('Home');
    expect(await current()).toBe(ids[0]);
  });
});

describe('the entity list keeps its entries', () => {
  it('a selection updates entries in place; a hidden entity leaves and comes back in name order', async () => {
    await openPage(DESKTOP);
    const entries = page.locator('#entity-list button');
    const ids = () => entries.evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id!));
    const before = await ids();
    // Tag every entry's element: a rebuilt list would lose the tags.
    await entries.evaluateAll((bs) => bs.forEach((b) => ((b as unknown as { tagged: boolean }).tagged = true)));
    const tagged = () => entries.evaluateAll((bs) => bs.filter((b) => (b as unknown as { tagged?: boolean }).tagged).length);
    await page.locator('#entity-list button[data-id="person:gro-jaere"]').click();
    await expect.poll(async () => (await debug()).selectedIds).toEqual(['person:gro-jaere']);
    expect(await page.locator('#entity-list button[aria-pressed="true"]').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id))).toEqual(['person:gro-jaere']);
    expect(await tagged()).toBe(before.length);
    // The clicked entry is the same element, so the focus never left it.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id)).toBe('person:gro-jaere');

    await page.keyboard.press('h');
    await expect.poll(ids).toEqual(before.filter((id) => id !== 'person:gro-jaere'));
    expect(await tagged()).toBe(before.length - 1);
    await page.keyboard.press('s');
    await expect.poll(ids).toEqual(before);
    expect(await tagged()).toBe(before.length - 1);
  });
});

describe('the entity list of a big scene', () => {
  /** The list as the page shows it: each entry's id and name (the button's own text, not its "+N" badge). */
  const entries = () =>
    page.locator('#entity-list button').evaluateAll((bs) =>
      bs.map((b) => ({ id: (b as HTMLElement).dataset.id!, name: [...b.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('') })),
    );
  /** Entries in name order as Norwegian sorts (Å after Z), ties by id. */
  const byName = new Intl.Collator('nb');
  const inNameOrder = (list: { id: string; name: string }[]) => [...list].sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((e) => e.id);
  /** The list items Chromium's accessibility tree has under the list (as a screen reader gets them). */
  async function accessibleItems(): Promise<number> {
    const cdp = await context!.newCDPSession(page);
    const { root } = (await cdp.send('DOM.getDocument')) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#entity-list ul' })) as { nodeId: number };
    const { nodes } = (await cdp.send('Accessibility.queryAXTree', { nodeId, role: 'listitem' })) as { nodes: { ignored: boolean }[] };
    await cdp.detach();
    return nodes.filter((n) => !n.ignored).length;
  }

  // Chromium leaves out of its accessibility tree what `content-visibility: auto` skips: a list cut into
  // such chunks to save layout had only the entries on screen for a screen reader.
  it('keeps 400 added entities in name order, each in the accessibility tree with its kind, reachable with End; undo takes them out', async () => {
    const hub = { id: 'org:sykehuspartner', kind: 'ORGANISATION', name: 'Sykehuspartner', degree: 401 };
    const first = ['Anna', 'Bjørn', 'Gro', 'Kari', 'Ola', 'Per', 'Åse', 'Øyvind', 'Æsa', 'Zakarias'];
    const people = Array.from({ length: 400 }, (_, i) => ({ id: `person:many-${i}`, kind: 'PERSON', name: `${first[i % first.length]} Mange ${(i * 37) % 400}`, degree: 1 }));
    const edges = people.map((p) => ({ id: `rel:${p.id}-ROLE_AT`, type: 'ROLE_AT', source: p.id, target: hub.id, title: null }));
    await openPage(DESKTOP);
    await page.route(`${server.url}/graphql`, async (route) => {
      const body = route.request().postDataJSON() as { query: string; variables: { ids?: string[]; id?: string } };
      if (/query ExpansionPreview/.test(body.query) && body.variables.id === hub.id) {
        // Few enough to expand without the preview.
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { expansionPreview: [{ type: 'ROLE_AT', direction: 'INCOMING', kind: 'PERSON', count: 15 }] } }) });
      } else if (/query Neighbourhood/.test(body.query) && body.variables.ids?.[0] === hub.id) {
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { neighbourhood: { nodes: [hub, ...people], edges, hidden: [], truncated: false } } }) });
      } else await route.continue();
    });
    const before = await entries();
    expect(before.map((e) => e.id)).toEqual(inNameOrder(before));
    await page.locator(`#entity-list button[data-id="${hub.id}"]`).click();
    await page.keyboard.press('e');
    await expect.poll(async () => (await debug()).nodeCount).toBe(before.length + 400);
    // Entries beyond the first batch are built when the browser is idle; the list is busy until then.
    await expect.poll(async () => (await entries()).length, { timeout: 15_000 }).toBe(before.length + 400);
    expect(await page.locator('#entity-list ul').getAttribute('aria-busy')).toBeNull();
    const after = await entries();
    expect(after.map((e) => e.id)).toEqual(inNameOrder([...before, ...people]));
    expect(await accessibleItems()).toBe(after.length);
    // The kind, drawn as the swatch, is in each entry's name.
    expect(await page.locator('#entity-list').getByRole('button', { name: 'Æsa Mange 296, Person', exact: true }).count()).toBe(1);

    // End reaches the last entry and scrolls the list to it.
    await page.locator(`#entity-list button[data-id="${hub.id}"]`).focus();
    await page.keyboard.press('End');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id)).toBe(after.at(-1)!.id);
    const shown = await page.evaluate(() => {
      const box = document.getElementById('entity-list')!.getBoundingClientRect();
      const entry = document.activeElement!.getBoundingClientRect();
      return entry.height > 0 && entry.top >= box.top && entry.bottom <= box.bottom;
    });
    expect(shown).toBe(true);

    await page.locator('#cy').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await entries()).map((e) => e.id)).toEqual(before.map((e) => e.id));
    expect(await accessibleItems()).toBe(before.length);
    expect(problems).toEqual([]);
  });
});

describe('the ? dialog', () => {
  it('lists every action’s shortcut and every key that acts where the focus is', async () => {
    await openPage(DESKTOP);
    await page.locator('#cy').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    const actions = dialog.getByRole('table', { name: 'Actions' });
    // Each toolbar button's own shortcut (as it tells assistive technology) is in the dialog.
    const announced = await page.locator('#toolbar button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-keyshortcuts')!.replace('Control', 'Ctrl')));
    const listed = await actions.locator('kbd').allTextContents();
    for (const keys of announced) expect(listed, keys).toContain(keys);
    for (const a of ACTIONS) expect(listed, a.id).toContain(a.keys);
    const local = dialog.getByRole('table', { name: 'Keys where the focus is' });
    expect(await local.locator('tbody tr').count()).toBe(FOCUS_KEYS.length);
    for (const where of ['Search box', 'Toolbar', 'Review panel']) expect(await local.getByRole('cell', { name: where, exact: true }).count(), where).toBeGreaterThan(0);
    await shot('02-shortcuts');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});

describe('the toolbar on a narrower window', () => {
  it('breaks between groups with no divider before a group that starts a line; the open review panel follows it', async () => {
    await openPage(DESKTOP);
    const review = page.getByRole('button', { name: 'Review' });
    await review.click();
    const below = async () => {
      const bar = (await page.locator('.toolbar-row').boundingBox())!;
      const panel = (await page.locator('#review').boundingBox())!;
      return panel.y >= bar.y + bar.height && panel.y <= bar.y + bar.height + 12;
    };
    expect(await below()).toBe(true);
    const barHeight = async () => (await page.locator('.toolbar-row').boundingBox())!.height;
    const wide = await barHeight();
    await page.setViewportSize({ width: 1000, height: 800 });
    await expect.poll(barHeight).toBeGreaterThan(wide);
    const groups = () =>
      page.locator('#toolbar .tool-group').evaluateAll((gs) =>
        gs.map((g) => ({ top: (g as HTMLElement).offsetTop, divider: getComputedStyle(g).borderLeftStyle !== 'none' && getComputedStyle(g).borderLeftColor !== 'rgba(0, 0, 0, 0)' })),
      );
    await expect.poll(async () => new Set((await groups()).map((g) => g.top)).size).toBeGreaterThan(1);
    const seen = await groups();
    seen.forEach((g, i) => {
      const startsLine = i === 0 || g.top !== seen[i - 1]!.top;
      expect(g.divider, `group ${i}${startsLine ? ' (starts a line)' : ''}`).toBe(!startsLine);
    });
    await expect.poll(below).toBe(true);
    await shot('08-toolbar-1000');
    expect(problems).toEqual([]);
  });
});

describe('Escape', () => {
  it('closes the review panel first (the focus back on its button), then clears the selection and the details', async () => {
    await openPage(DESKTOP);
    await page.locator('#entity-list button[data-id="person:gro-jaere"]').click();
    const panel = page.getByRole('complementary');
    await panel.getByRole('heading', { name: 'Gro Jære' }).waitFor();
    const review = page.getByRole('button', { name: 'Review' });
    await review.click();
    expect(await review.getAttribute('aria-expanded')).toBe('true');
    // It opens under the toolbar, which stays usable.
    const bar = (await page.locator('#toolbar').boundingBox())!;
    expect((await page.locator('#review').boundingBox())!.y).toBeGreaterThanOrEqual(bar.y + bar.height);
    await page.getByRole('button', { name: 'Scenes', exact: true }).click();
    await page.getByRole('heading', { name: 'Saved scenes' }).waitFor();
    await page.keyboard.press('Escape');
    // Escape from inside one of its fields closes it too.
    const title = page.locator('#review').getByLabel('Title');
    await title.fill('half-typed');
    await title.press('Escape');
    await expect.poll(() => page.locator('#review').isHidden()).toBe(true);
    expect(await review.getAttribute('aria-expanded')).toBe('false');
    expect(await focused()).toBe('review-toggle');
    expect((await debug()).selectedIds).toEqual(['person:gro-jaere']);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await debug()).selectedIds).toEqual([]);
    await panel.getByRole('heading', { name: 'Nothing selected' }).waitFor();
    // Its × closes it as well.
    await review.click();
    await page.getByRole('button', { name: 'Close the import panel' }).click();
    expect(await page.locator('#review').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('keys typed in the review panel stay there: E on a proposal does not also expand the selected node', async () => {
    await openPage(DESKTOP);
    await page.locator('#entity-list button[data-id="person:gro-jaere"]').click();
    const before = (await debug()).nodeCount;
    await page.getByRole('button', { name: 'Review' }).click();
    // E is the panel's "edit this proposal" (nothing to edit yet); the page-wide E (expand) must not run as well.
    await page.getByRole('button', { name: 'Close the import panel' }).focus();
    await page.keyboard.press('e');
    await page.waitForTimeout(500);
    expect((await debug()).nodeCount).toBe(before);
    expect((await message()).text).not.toMatch(/Expanding|around Gro/);
  });
});

describe('errors in the toolbar', () => {
  it('stand beside what caused them until the next step clears them, and never resize the canvas', async () => {
    await openPage(DESKTOP);
    const box = await cyBox();
    await page.locator('#cy').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('h');
    expect((await message()).text).toMatch(/^Select something to hide first/);
    expect((await message()).tone).toBe('error');
    expect(await cyBox()).toEqual(box);
    // Fit says nothing of its own, but it is the analyst's next step: the stale error goes.
    await page.keyboard.press('f');
    expect(await message()).toEqual({ text: '', tone: 'info' });

    // A date the graph does not know: said beside the date field, which is marked; a good date clears both.
    const field = page.getByLabel('Date (year or year-month), empty for now');
    await field.fill('last spring');
    await field.press('Enter');
    expect(await message()).toMatchObject({ tone: 'error' });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const said = (await page.locator('#toolbar-message').boundingBox())!;
    const asOf = (await page.locator('#asof-form').boundingBox())!;
    expect(Math.abs(said.y - asOf.y)).toBeLessThan(asOf.height);
    await shot('03-date-error');
    await field.fill('2019');
    await field.press('Enter');
    await expect.poll(async () => (await message()).text, { timeout: 10_000 }).toMatch(/up to 2019/);
    expect((await message()).tone).toBe('info');
    expect(await field.getAttribute('aria-invalid')).toBeNull();

    // A message longer than the line is cut, not wrapped (a taller line would re-fit the graph); its tooltip has it whole.
    await page.evaluate(() => {
      const m = document.getElementById('toolbar-message')!;
      m.textContent = 'x '.repeat(600);
    });
    expect(await cyBox()).toEqual(box);
    expect(problems).toEqual([]);
  });
});

describe('errors beside their cause', () => {
  it('a document that cannot be opened is said under the quote whose button tried, and cleared when it opens', async () => {
    await openPage(DESKTOP);
    await page.locator('#entity-list button[data-id="person:gro-jaere"]').click();
    const figure = page.getByRole('complementary').locator('figure').first();
    await figure.waitFor();
    // Only the document's text fails: the database is down for that one request.
    await page.route(`${server.url}/graphql`, async (route) => {
      const body = route.request().postDataJSON() as { query?: string } | null;
      if (!body?.query?.startsWith('query Document')) return route.fallback();
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: null, errors: [{ message: 'down', extensions: { code: 'DATABASE_UNAVAILABLE' } }] }) });
    });
    const failure = figure.locator('.evidence-error');
    await figure.getByRole('button', { name: 'Read in document' }).click();
    await expect.poll(() => failure.textContent(), { timeout: 10_000 }).toMatch(/^Could not open the document\. The graph database is not available/);
    expect(await failure.getAttribute('role')).toBe('alert');
    expect(await page.locator('#document-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await shot('07-document-error');
    await page.unroute(`${server.url}/graphql`);
    await figure.getByRole('button', { name: 'Read in document' }).click();
    await page.locator('#document-dialog mark').first().waitFor();
    expect(await failure.isHidden()).toBe(true);
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });
});

describe('text contrast', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`is at least 4.5:1 in the ${colorScheme} theme, with hits, errors, a selection, the review panel and dialogs shown`, async () => {
      await openPage({ ...DESKTOP, colorScheme });
      const failures: string[] = [];
      const check = async (state: string) => failures.push(...(await lowContrast()).map((f) => `${state}: ${f}`));
      await check('first view');
      await page.getByLabel('Search').fill('helse');
      await page.getByRole('option').first().waitFor();
      await check('search hits');
      await page.getByLabel('Search').fill('');
      await page.getByLabel('Search').press('Escape');
      await page.locator('#cy').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('h');
      await check('toolbar error');
      await page.locator('#entity-list button[data-id="person:gro-jaere"]').click();
      await page.getByRole('complementary').locator('mark').first().waitFor();
      await check('selection');
      await page.getByRole('complementary').getByRole('button', { name: 'Read in document' }).first().click();
      await page.locator('#document-dialog mark').first().waitFor();
      await check('document');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Review' }).click();
      await check('review panel');
      await page.keyboard.press('Escape');
      await page.keyboard.press('n');
      await page.locator('#scenes-dialog .scenes-status').waitFor();
      await check('saved scenes');
      await page.keyboard.press('Escape');
      await page.keyboard.press('q');
      await check('query drawer');
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await check('shortcuts');
      await shot(`04-contrast-${colorScheme}`);
      expect(failures).toEqual([]);
    });
  }
});

describe('on a phone', () => {
  it('shows the whole graph, the tools in one full-width scrolling row, and messages that do not resize the canvas', async () => {
    await openPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.waitForTimeout(300);
    const view = await debug();
    expect(view.allInView).toBe(true);
    expect(view.visibleNodeCount).toBe(view.nodeCount);
    const box = (await cyBox())!;
    expect(box.height).toBeGreaterThan(844 / 2 - 60);
    // Nothing wider than the screen but the toolbar, which scrolls within itself.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const toolbar = page.getByRole('toolbar', { name: 'Scene actions' });
    const bar = await toolbar.evaluate((t) => ({ width: t.clientWidth, scrolls: t.scrollWidth > t.clientWidth, rows: new Set([...t.querySelectorAll('button')].map((b) => b.offsetTop)).size }));
    expect(bar.width).toBeGreaterThan(390 - 40);
    expect(bar).toMatchObject({ scrolls: true, rows: 1 });
    await shot('05-phone');
    // Layout is off screen until the bar scrolls (tap scrolls it); its message floats over the canvas, which keeps its size.
    await toolbar.getByRole('button', { name: 'Layout', exact: true }).tap();
    await expect.poll(async () => (await message()).text, { timeout: 15_000 }).toMatch(/^Laid out/);
    expect(await cyBox()).toEqual(box);
    await shot('06-phone-message');
    expect(problems).toEqual([]);
  });
});
