/** Realistic, unique Norwegian names per kind, and readable ids made from them. */
import { KIND_ID_PREFIX, type EntityKindName } from '../../server/src/graph/model.js';
import { fold } from './fold.js';
import type { Prng } from './prng.js';
import * as V from './vocabulary.js';

export interface MadeName {
  name: string;
  extra?: { aliases?: string[]; fullName?: string; when?: string };
}

/** Lower-case a-z0-9 words joined by "-": "Helse Sør-Øst RHF" -> "helse-sor-ost-rhf". */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export class NameMaker {
  /** Names already given, per kind: people and organisations must be findable one by one. */
  private readonly used = new Set<string>();

  constructor(private readonly prng: Prng) {}

  /** Claims a fixed name (a hub's). */
  reserve(name: string): string {
    this.used.add(name);
    return name;
  }

  /** The id of entity number `index`: the index keeps ids unique even for equal names. */
  id(kind: EntityKindName, name: string, index: number): string {
    return `${KIND_ID_PREFIX[kind]}:${slug(name) || 'x'}-${index}`;
  }

  make(kind: EntityKindName): MadeName {
    // Try a few fresh draws, then disambiguate the way Norwegians do (a second surname, "avd.", "Nedre").
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const made = this.draw(kind, attempt >= 6);
      if (!this.used.has(made.name)) {
        this.used.add(made.name);
        return made;
      }
    }
    const made = this.draw(kind, true);
    let name = `${made.name} ${this.used.size}`;
    while (this.used.has(name)) name += 'b';
    this.used.add(name);
    return { ...made, name };
  }

  private draw(kind: EntityKindName, long: boolean): MadeName {
    const p = this.prng;
    switch (kind) {
      case 'PERSON': {
        const middle = p.pick(V.MIDDLE_NAMES);
        const surname = long ? `${p.pick(V.SURNAMES)}-${p.pick(V.SURNAMES)}` : p.pick(V.SURNAMES);
        return { name: [p.pick(V.FIRST_NAMES), middle, surname].filter(Boolean).join(' ') };
      }
      case 'ORGANISATION': {
        if (p.next() < 0.01) return { name: p.pick(V.REGIONAL_ORGS) };
        const base = fill(p.pick(V.ORG_PATTERNS), p);
        return { name: long ? `${base} avd. ${this.place()}` : base };
      }
      case 'VENDOR':
        return { name: fill(p.pick(V.VENDOR_PATTERNS), p) + (long ? ` ${this.place()}` : '') };
      case 'PRODUCT':
        return { name: `${p.pick(V.ORG_WORDS)} ${p.pick(V.PRODUCT_NOUNS)}${long ? ` ${2 + p.int(20)}` : ''}` };
      case 'PROGRAMME': {
        const fullName = `${p.pick(V.PROGRAMME_ADJECTIVES)} ${p.pick(V.PROGRAMME_NOUNS)} ${p.next() < 0.5 ? p.pick(V.REGIONS) : this.place()}`;
        const acronym = fullName
          .split(/[\s-]+/)
          .map((word) => word[0]!.toUpperCase())
          .join('');
        // The acronym alone would collide constantly; "FJN Bjørkelid" style names stay readable and distinct.
        return { name: `${acronym} ${fullName.split(' ').slice(2).join(' ')}${long ? ` ${2 + p.int(50)}` : ''}`, extra: { fullName, aliases: [fullName] } };
      }
      case 'EVENT': {
        const year = 2015 + p.int(12);
        const month = p.pick(V.MONTHS);
        const name = fill(p.pick(V.EVENT_PATTERNS), p).replace('{y}', String(year)) + (long ? ` (${month})` : '');
        return { name, extra: { when: `${month} ${year}` } };
      }
      case 'PLACE':
        return { name: long ? `${p.pick(['Nedre', 'Øvre', 'Indre', 'Ytre', 'Nordre', 'Søndre'])} ${this.place()}` : this.place() };
      case 'TOPIC':
        if (long) return { name: `${p.pick(V.TOPIC_BASES)} og ${p.pick(V.TOPIC_BASES)} ${p.pick(V.TOPIC_QUALIFIERS)}` };
        return { name: p.next() < 0.8 ? `${p.pick(V.TOPIC_BASES)} ${p.pick(V.TOPIC_QUALIFIERS)}` : p.pick(V.TOPIC_BASES) };
    }
  }

  private place(): string {
    const p = this.prng;
    return p.next() < 0.1 ? p.pick(V.REAL_PLACES) : `${p.pick(V.PLACE_HEADS)}${p.pick(V.PLACE_TAILS)}`;
  }
}

function fill(pattern: string, p: Prng): string {
  const place = (): string => (p.next() < 0.15 ? p.pick(V.REAL_PLACES) : `${p.pick(V.PLACE_HEADS)}${p.pick(V.PLACE_TAILS)}`);
  return pattern
    .replace('{p}', place())
    .replace('{r}', p.pick(V.REGIONS))
    .replace('{w}', p.pick(V.ORG_WORDS))
    .replace('{s}', p.pick(V.SURNAMES))
    .replace('{s2}', p.pick(V.SURNAMES))
    .replace('{t}', p.pick(V.TOPIC_BASES));
}
