import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The server sends `script-src 'self'; style-src 'self'`: anything inline in the page would be blocked.
const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');

describe('index.html', () => {
  it('has no inline scripts, styles or event handlers', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('labels the search field "Search" and has live status and legend regions', () => {
    expect(html).toMatch(/<label for="search-input">Search<\/label>/);
    expect(html).toMatch(/<input[^>]*id="search-input"[^>]*type="search"|<input[^>]*type="search"[^>]*id="search-input"/s);
    expect(html).toMatch(/id="status"[^>]*role="status"[^>]*aria-live="polite"/);
    expect(html).toMatch(/<aside id="panel"/);
    expect(html).toMatch(/id="legend"/);
  });
});

describe('index.html for the explorer', () => {
  it('limits the search box, and has the toolbar, entity list, announcer and dialogs', () => {
    expect(html).toMatch(/<input[^>]*id="search-input"[^>]*maxlength="200"/s);
    expect(html).toMatch(/id="search-error"[^>]*role="alert"/);
    expect(html).toMatch(/id="toolbar"/);
    expect(html).toMatch(/<nav id="entity-list"[^>]*aria-label="Entities in the scene"/);
    expect(html).toMatch(/id="announcer"[^>]*aria-live="polite"/);
    for (const id of ['document-dialog', 'query-dialog', 'help-dialog']) expect(html).toMatch(new RegExp(`<dialog id="${id}"`));
    expect(html).toMatch(/<meta name="color-scheme" content="light dark"/);
  });
});
