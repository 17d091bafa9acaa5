/**
 * Search quality at scale: for generated people and organisations, is the intended entity among the first five
 * hits when an analyst types a 3-letter prefix, the full name, or the name without diacritics?
 */
import { postGraphQL } from './endpoints.js';
import type { Probes } from './probes.js';

const LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', Æ: 'Ae', Ø: 'O', Å: 'A' };

/** "Bjørn Sæther" -> "Bjorn Saether", as typed on a keyboard without Norwegian letters. */
export function withoutDiacritics(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[æøåÆØÅ]/g, (letter) => LETTERS[letter] ?? letter);
}

export const PROBE_STYLES = {
  /** The first three letters of the name, as typed into the search box ("Bjø"). */
  prefix3: (name: string) => name.slice(0, 3),
  /** The first three letters of every word ("Bjø Sæt"): the usual way to narrow a type-ahead. */
  prefix3_each_word: (name: string) =>
    name
      .split(/\s+/)
      .map((word) => word.slice(0, 3))
      .join(' '),
  full_name: (name: string) => name,
  without_diacritics: withoutDiacritics,
} as const;
export type ProbeStyle = keyof typeof PROBE_STYLES;

export interface SearchQuality {
  probes: number;
  /** Share of probes (3-letter prefix, full name, without diacritics) with the intended entity in the top 5. */
  top5: number;
  byStyle: Record<ProbeStyle, number>;
  /** The same styles for probes drawn in proportion to degree (see Probes.connectedTargets). */
  connectedByStyle: Record<ProbeStyle, number>;
  misses: { style: ProbeStyle; query: string; intended: string }[];
}

async function score(serverUrl: string, targets: Probes['searchTargets'], misses: SearchQuality['misses'] | undefined): Promise<Record<ProbeStyle, number>> {
  const byStyle = {} as Record<ProbeStyle, number>;
  for (const [style, make] of Object.entries(PROBE_STYLES) as [ProbeStyle, (name: string) => string][]) {
    let hits = 0;
    for (const target of targets) {
      const query = make(target.name);
      const data = await postGraphQL(serverUrl, 'query($q: String!) { search(query: $q, first: 5) { entity { id } } }', { q: query });
      if ((data.search as { entity: { id: string } }[]).some((hit) => hit.entity.id === target.id)) hits += 1;
      else if (misses && misses.length < 40) misses.push({ style, query, intended: `${target.name} (${target.id})` });
    }
    byStyle[style] = hits / Math.max(1, targets.length);
  }
  return byStyle;
}

export async function measureSearchQuality(serverUrl: string, probes: Probes): Promise<SearchQuality> {
  const misses: SearchQuality['misses'] = [];
  const byStyle = await score(serverUrl, probes.searchTargets, misses);
  const connectedByStyle = await score(serverUrl, probes.connectedTargets, undefined);
  // The three probe styles; the each-word prefix is reported beside them.
  const top5 = (byStyle.prefix3 + byStyle.full_name + byStyle.without_diacritics) / 3;
  return { probes: probes.searchTargets.length, top5, byStyle, connectedByStyle, misses };
}
