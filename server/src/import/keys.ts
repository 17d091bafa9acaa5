import { createHash } from 'node:crypto';
import { nameKey } from './gazetteer.js';
import { normaliseTitle } from './patterns.js';
import { foldWord } from './tokens.js';

function digest(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts), 'utf8').digest('hex').slice(0, 24);
}

/**
 * Keys depend on what is proposed, not on where or how it is spelt: "Helse Midt-Noreg" and "Helse Midt-Norge"
 * give one key, and a re-import of the same or an edited text gives the same keys, so a rejected proposal
 * stays recognisable.
 */
export function entityKey(kind: string, name: string): string {
  return digest(['ENTITY', kind, nameKey(name)]);
}

export function relationshipKey(type: string, from: string, to: string, title?: string): string {
  return digest(['RELATIONSHIP', type, nameKey(from), nameKey(to), title ? foldWord(normaliseTitle(title)) : '']);
}
