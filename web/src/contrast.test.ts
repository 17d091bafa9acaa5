import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEME_COLOURS } from './graph/style.js';

// WCAG 2 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
function vars(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}
const light = vars(/:root \{([^}]*)\}/.exec(css)![1]!);
const dark = { ...light, ...vars(/prefers-color-scheme: dark\) \{\s*:root \{([^}]*)\}/.exec(css)![1]!) };

describe('text contrast is at least 4.5:1', () => {
  for (const [name, theme] of [['light', light], ['dark', dark]] as const) {
    it(`page text in the ${name} theme`, () => {
      for (const ink of ['ink', 'ink-soft', 'ink-faint', 'accent', 'error']) {
        for (const ground of ['paper', 'canvas', 'chrome']) {
          expect(contrast(theme[ink]!, theme[ground]!), `${ink} on ${ground}`).toBeGreaterThanOrEqual(4.5);
        }
      }
      expect(contrast(theme['ink']!, theme['mark']!), 'ink on mark').toBeGreaterThanOrEqual(4.5);
      expect(contrast(theme['error']!, theme['error-soft']!), 'error on its background').toBeGreaterThanOrEqual(4.5);
    });
  }

  for (const [name, c] of Object.entries(THEME_COLOURS)) {
    it(`graph labels in the ${name} theme`, () => {
      expect(contrast(c.ink, c.halo)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c.ink, c.canvas)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c.edgeInk, c.halo)).toBeGreaterThanOrEqual(4.5);
    });
  }
});
