import { randomUUID } from 'node:crypto';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeImportedDocuments, startTestServer } from '../../server/test/harness.js';
import { launchChromium } from './chromium.js';

/** The review list in the built page, against the real server and Neo4j, in Debian's Chromium. */

const RUN = randomUUID().slice(0, 8);
const TOKEN = `page-review-${RUN}-0123456789`;
const SURNAME = `Qval${RUN.replace(/[^a-f]/g, '').padEnd(4, 'e').slice(0, 4)}`;
const PERSON = `Ingrid ${SURNAME}`;
const VENDOR = `Nordvik${SURNAME.toLowerCase()} Data AS`;
const TEXT = `Helse Vest IKT har ansatt ${PERSON} som ny direktør. ${SURNAME} kommer fra ${VENDOR}.`;

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  server = await startTestServer({ writeTokens: [{ name: 'page', token: TOKEN }] });
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  if (server) {
    const docs = await server.db.read((tx) => tx.run('MATCH (p:Proposal) WHERE p.name = $person RETURN collect(DISTINCT p.documentId) AS docs', { person: PERSON }));
    await removeImportedDocuments(server.db, (docs.records[0]?.get('docs') ?? []) as string[]);
    await server.close();
  }
});

const item = (text: string) => page.locator('#review .review-item', { hasText: text });
const status = () => page.locator('#review .review-status').textContent();

describe('the review list', () => {
  it('imports a pasted article, shows each proposal with its quote marked, and reviews with the keyboard', async () => {
    await page.goto(server.url + '/');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByLabel('Write token').fill(TOKEN);
    await page.getByLabel('Write token').press('Tab');
    await page.getByLabel('Title').fill(`Notat ${RUN}`);
    await page.getByLabel('Published (2026-03-01)').fill('2026-03-01');
    await page.getByLabel('Article text').fill(TEXT);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(status, { timeout: 15_000 }).toMatch(/pending proposals/);
    expect(await page.evaluate(() => [sessionStorage.getItem('kgx.writeToken'), localStorage.length])).toEqual([TOKEN, 0]);
    const documentId = (await status())?.split(':').slice(0, 2).join(':') ?? '';
    expect(documentId).toMatch(/^doc:notat-/);

    // The quote is marked inside its sentence.
    await expect.poll(() => item(VENDOR).count()).toBe(1);
    expect(await item(VENDOR).locator('mark').textContent()).toContain(VENDOR);
    expect(await item(VENDOR).locator('blockquote').textContent()).toContain(`${SURNAME} kommer fra`);

    // j / k move the selection.
    await page.locator('#review .review-item').first().click();
    await page.keyboard.press('j');
    expect(await page.locator('#review .review-item').nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('k');
    expect(await page.locator('#review .review-item').first().getAttribute('aria-selected')).toBe('true');

    // The relationship cannot be accepted before its new person: the error says so.
    await item('ROLE_AT').first().click();
    await page.keyboard.press('a');
    await expect.poll(status, { timeout: 15_000 }).toMatch(/not a stored entity/);
    expect(await status()).not.toMatch(/BAD_USER_INPUT/);

    // r rejects the vendor.
    await item(VENDOR).click();
    await page.keyboard.press('r');
    await expect.poll(status, { timeout: 15_000 }).toMatch(/^Rejected/);
    expect(await item(VENDOR).count()).toBe(0);

    // e opens the edit form; accepting it writes the person.
    await item(`PERSON ${PERSON}`).click();
    await page.keyboard.press('e');
    await item(`PERSON ${PERSON}`).getByLabel('name').press('Enter');
    await expect.poll(status, { timeout: 15_000 }).toMatch(/^Accepted: PERSON/);

    // Now the relationship goes through.
    await item('ROLE_AT').first().click();
    await page.keyboard.press('a');
    await expect.poll(status, { timeout: 15_000 }).toMatch(/^Accepted: .*ROLE_AT/);

    const stored = await server.db.read((tx) =>
      tx.run("MATCH (n:Entity) WHERE n.name = $person MATCH (n)-[r:ROLE_AT]->(o:Entity {id: 'org:helse-vest-ikt'}) RETURN r.title AS title", { person: PERSON }),
    );
    expect(stored.records[0]?.get('title')).toBe('direktør');

    // A document imported elsewhere opens by its id, with what is still pending.
    const left = await page.locator('#review .review-item').count();
    await page.getByLabel('Document id').fill(documentId);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe(`${documentId}: ${left} pending proposals`);
    expect(problems).toEqual([]);
  });
});
