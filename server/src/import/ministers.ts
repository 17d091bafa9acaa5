import { group, type DocumentContext, type Span } from './context.js';
import { PERSON, SP, pattern } from './patterns.js';
import type { PeopleRegister } from './people.js';
import type { RoleFinding } from './roles.js';

// "helse- og omsorgsminister Bent Høie", "Finansminister Kari Dahl": a minister heads the ministry whose name
// shares the title's stem ("Helse- og omsorgsdepartementet", "Finansdepartementet"). Only when the text names
// that ministry: the title alone does not say which government or which year's ministry is meant.
const MINISTER = pattern(`(?<![\\p{L}-])(?<t>(?<stem>(?:\\p{L}+-${SP}og${SP})?\\p{L}+?)minister)${SP}(?<p>${PERSON})`);

/** Ministers, placed at the ministry of their title's stem when the text names it. */
export function findMinisterRoles(context: DocumentContext, people: PeopleRegister): RoleFinding[] {
  const findings: RoleFinding[] = [];
  for (const match of context.text.matchAll(MINISTER)) {
    const stem = (group(match, 'stem') as Span).text.replace(/[ \u00a0]+/gu, ' ');
    if (stem.length < 3) continue;
    const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\u00a0]');
    // A photo credit ("Foto: Helse- og omsorgsdepartementet") names a source, not the minister's ministry.
    const ministry = new RegExp(`(?<!(?:Foto|Illustrasjon|Kjelde|Kilde):[ \\u00a0]?)(?<![\\p{L}-])${escaped}departementet(?![\\p{L}])`, 'iu').exec(context.text);
    if (!ministry) continue;
    const personSpan = group(match, 'p') as Span;
    const person = people.resolve(personSpan);
    if (!person) continue;
    const title = group(match, 't') as Span;
    const organisation = { text: ministry[0], start: ministry.index, end: ministry.index + ministry[0].length };
    const evidence = { start: match.index, end: match.index + match[0].length };
    findings.push({ person, personSpan, title: title.text, organisation, parent: undefined, evidence, confidence: 0.7, cue: 'none' });
  }
  return findings;
}
