import type { GazetteerEntry } from '../../server/src/import/index.js';

const CONSONANTS = 'bdfghjklmnprstvb';
const VOWELS = 'aeiouyæøå';
const KINDS: GazetteerEntry['kind'][] = ['ORGANISATION', 'PERSON', 'PROGRAMME', 'VENDOR'];
const ORGANISATION_WORDS = ['kommune', 'HF', 'AS', 'IKT', 'sykehus', 'Helse'];

/** A small seeded generator (mulberry32), so every run builds the same names. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function word(next: () => number): string {
  const syllables = 2 + Math.floor(next() * 3);
  let text = '';
  for (let index = 0; index < syllables; index += 1) {
    text += CONSONANTS.charAt(Math.floor(next() * CONSONANTS.length)) + VOWELS.charAt(Math.floor(next() * VOWELS.length));
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `count` invented entities with one- to four-word names (Norwegian-looking, some with "HF", "kommune"), one alias each. */
export function syntheticEntries(count: number): GazetteerEntry[] {
  const next = random(7);
  const entries: GazetteerEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const kind = KINDS[index % KINDS.length] as GazetteerEntry['kind'];
    const words = Array.from({ length: 1 + Math.floor(next() * 3) }, () => word(next));
    if (kind === 'ORGANISATION' && next() < 0.5) words.push(ORGANISATION_WORDS[Math.floor(next() * ORGANISATION_WORDS.length)] ?? 'AS');
    entries.push({ entityId: `syn:${index}`, kind, name: words.join(' '), aliases: [words.map((item) => item.charAt(0)).join('').toUpperCase() + String(index)] });
  }
  return entries;
}
