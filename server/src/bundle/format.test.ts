import { describe, expect, it } from 'vitest';
import { BundleSchema } from './format.js';

const quote = { quote: 'Kari Nordmann er direktør.' };
const bundle = (entity: Record<string, unknown>, relationship?: Record<string, unknown>) => ({
  documents: [{ id: 'doc:caps', title: 'Caps', text: 'Kari Nordmann er direktør.' }],
  document: 'doc:caps',
  entities: [{ id: 'person:kari', kind: 'PERSON', name: 'Kari Nordmann', evidence: [quote], ...entity }],
  relationships: relationship ? [relationship] : [],
});

/** The places the schema refuses, as `a.0.b`. */
const refused = (value: unknown): string[] => {
  const parsed = BundleSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

// A bundle is a write input like a mutation's: its ids and strings have the mutations' caps (issue 10, inputs).
describe('bundle length caps', () => {
  it('accepts strings at their caps', () => {
    expect(refused(bundle({ name: 'N'.repeat(1_000), description: 'd'.repeat(20_000), aliases: ['a'.repeat(1_000)] }))).toEqual([]);
  });

  it('refuses an over-long id, name, alias, description, kind property, title, quote and document id, each at its place', () => {
    expect(refused(bundle({ id: `person:${'k'.repeat(200)}` }))).toEqual(['entities.0.id']);
    expect(refused(bundle({ name: 'N'.repeat(1_001) }))).toEqual(['entities.0.name']);
    expect(refused(bundle({ aliases: ['a'.repeat(1_001)] }))).toEqual(['entities.0.aliases.0']);
    expect(refused(bundle({ description: 'd'.repeat(20_001) }))).toEqual(['entities.0.description']);
    expect(refused(bundle({ id: 'programme:p', kind: 'PROGRAMME', name: 'P', fullName: 'f'.repeat(1_001) }))).toEqual(['entities.0.fullName']);
    expect(refused(bundle({ evidence: [{ quote: 'q'.repeat(20_001) }] }))).toEqual(['entities.0.evidence.0.quote']);
    const relationship = { type: 'ROLE_AT', source: 'person:kari', target: 'org:x', title: 't'.repeat(1_001), evidence: [quote] };
    expect(refused(bundle({}, relationship))).toEqual(['relationships.0.title']);
    expect(refused({ ...bundle({}), documents: [{ id: `doc:${'d'.repeat(200)}`, title: 'T', text: 'x' }] })).toEqual(['documents.0.id']);
  });
});
