import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeDatabase } from '../../test/fake-db.js';
import { createHttpServer } from './server.js';

// GraphiQL in a real browser: served from our own bundle under its strict CSP, it renders, loads nothing from
// another origin, violates no CSP rule, and its own introspection query passes the depth and token limits.
const CHROMIUM = '/usr/bin/chromium';
const server = createHttpServer({ db: fakeDatabase().db, maxBodyBytes: 100_000, graphiql: true });
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  server.close();
});

describe('GraphiQL', () => {
  it('renders from our own bundle under the CSP, and its introspection query is accepted', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\`.`);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith(`blob:${origin}`) && !url.startsWith('data:')) foreign.push(url);
    });
    const introspection = page.waitForResponse((response) => response.url() === `${origin}/graphql` && response.request().method() === 'POST');
    await page.goto(`${origin}/graphql`);
    const answer = await introspection;
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as { data?: { __schema?: unknown }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.__schema).toBeTruthy();
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);
});
