import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS, RELATIONSHIP_TYPE_NAMES } from '../server/src/graph/model.js';
import { GraphFileSchema } from '../server/src/seed/format.js';
import { plannedHubDegrees } from './gen/plan.js';
import { generateBundles, sizeOptions, type Bundle } from './generate.js';

const SMALL = { seed: 7, entities: 2_000, relationships: 10_000, documentsPerBundle: 40 };

const digest = (bundles: Bundle[]): string => createHash('sha256').update(JSON.stringify(bundles)).digest('hex');

// Generous timeouts: the machine is shared, and a loaded core makes a one-second test take ten.
describe('generator', { timeout: 60_000 }, () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = digest([...generateBundles(SMALL)]);
    expect(digest([...generateBundles(SMALL)])).toBe(a);
    expect(digest([...generateBundles({ ...SMALL, seed: 8 })])).not.toBe(a);
  });

  it('writes valid bundles whose every quote is verbatim in its document', () => {
    const bundles = [...generateBundles(SMALL)];
    const known = new Set<string>();
    const kinds = new Set<string>();
    const types = new Set<string>();
    let entities = 0;
    let relationships = 0;
    for (const bundle of bundles) {
      const { documents, ...graph } = bundle;
      // The graph part is the seed graph format exactly.
      expect(GraphFileSchema.safeParse(graph).success).toBe(true);
      const texts = new Map(documents.map((d) => [d.id, d.text]));
      for (const d of documents) {
        expect(d.publishedAt >= '2015-01-01' && d.publishedAt <= '2026-12-31').toBe(true);
      }
      const checkQuotes = (evidence: Bundle['entities'][number]['evidence']): void => {
        expect(evidence.length).toBeGreaterThan(0);
        for (const ev of evidence) {
          const text = texts.get(ev.document ?? bundle.document)!;
          expect(text).toBeDefined();
          if (ev.start === undefined) {
            // No start: the quote must occur exactly once.
            expect(text.indexOf(ev.quote)).toBeGreaterThanOrEqual(0);
            expect(text.indexOf(ev.quote)).toBe(text.lastIndexOf(ev.quote));
          } else {
            expect(text.slice(ev.start, ev.start + ev.quote.length)).toBe(ev.quote);
          }
        }
      };
      for (const entity of bundle.entities) {
        expect(known.has(entity.id)).toBe(false);
        known.add(entity.id);
        kinds.add(entity.kind);
        checkQuotes(entity.evidence);
        entities += 1;
      }
      for (const relationship of bundle.relationships) {
        // Ends come from this bundle or an earlier one.
        expect(known.has(relationship.source) && known.has(relationship.target)).toBe(true);
        types.add(relationship.type);
        checkQuotes(relationship.evidence);
        relationships += 1;
      }
    }
    expect(entities).toBe(SMALL.entities);
    expect(relationships).toBe(SMALL.relationships);
    expect([...kinds].sort()).toEqual([...ENTITY_KINDS].sort());
    expect([...types].sort()).toEqual([...RELATIONSHIP_TYPE_NAMES].sort());
    const names = bundles.flatMap((b) => b.entities.map((e) => e.name)).join(' ');
    for (const letter of ['æ', 'ø', 'å', 'Ø', 'Å']) expect(names).toContain(letter);
  });

  it('has power-law degrees with hubs; at M the planned hubs exceed 10k neighbours', () => {
    // The shape is checked on S (a second to build); M has the same shares at ten times the size.
    expect(Math.min(...plannedHubDegrees(sizeOptions('M').relationships))).toBeGreaterThanOrEqual(10_000);
    const options = sizeOptions('S');
    const neighbours = new Map<string, Set<string>>();
    const link = (a: string, b: string): void => {
      const set = neighbours.get(a) ?? new Set<string>();
      set.add(b);
      neighbours.set(a, set);
    };
    for (const bundle of generateBundles(options)) {
      for (const r of bundle.relationships) {
        link(r.source, r.target);
        link(r.target, r.source);
      }
    }
    const degrees = [...neighbours.values()].map((s) => s.size).sort((a, b) => b - a);
    const planned = plannedHubDegrees(options.relationships);
    // The top five are the hubs, each with (nearly) its planned share of distinct neighbours.
    for (let i = 0; i < planned.length; i += 1) expect(degrees[i]!).toBeGreaterThanOrEqual(Math.min(...planned) * 0.95);
    const median = degrees[Math.floor(degrees.length / 2)]!;
    // A heavy tail beyond the hubs: the best-connected ordinary entity has many times the median degree.
    expect(degrees[planned.length]!).toBeGreaterThan(median * 20);
  });
});
