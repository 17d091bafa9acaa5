import { el } from '../dom.js';
import type { ProposalView } from './review-api.js';

/** What a proposal says, in one line: "PERSON Gro Jære" or "Gro Jære —ROLE_AT (direktør)→ Sykehuspartner". */
export function describe(p: ProposalView): string {
  if (p.kind === 'ENTITY') return `${p.entityKind ?? '?'} ${p.name ?? '?'}`;
  const title = p.title ? ` (${p.title})` : '';
  return `${p.from?.name ?? '?'} —${p.type ?? '?'}${title}→ ${p.to?.name ?? '?'}`;
}

/** The proposal's sentence with its quote marked; text nodes only, so document text is never parsed as markup. */
export function quoteInSentence(p: ProposalView): HTMLElement {
  const from = Math.max(0, p.start - p.contextStart);
  const to = Math.min(p.context.length, p.end - p.contextStart);
  return el('blockquote', { className: 'review-quote' }, p.context.slice(0, from), el('mark', {}, p.context.slice(from, to)), p.context.slice(to));
}

/** Where and when: dates and ends that resolve to stored entities, and a possible duplicate. */
export function details(p: ProposalView): HTMLElement {
  const parts: string[] = [`confidence ${p.confidence.toFixed(2)}`];
  if (p.validFrom) parts.push(`from ${p.validFrom}`);
  if (p.validTo) parts.push(`until ${p.validTo}`);
  if (p.kind === 'RELATIONSHIP') {
    parts.push(p.from?.entity ? `from = ${p.from.entity.id}` : 'from is new');
    parts.push(p.to?.entity ? `to = ${p.to.entity.id}` : 'to is new');
  }
  if (p.duplicateOf) parts.push(`maybe the same as ${p.duplicateOf.name} (${p.duplicateOf.id})`);
  return el('p', { className: 'review-meta' }, parts.join(' · '));
}

/** The edit form of a proposal: the fields an accept may change. */
export function editFields(p: ProposalView): { form: HTMLFormElement; inputs: Map<string, HTMLInputElement> } {
  const names = p.kind === 'ENTITY' ? ['name', 'entityKind'] : ['title', 'validFrom', 'validTo', 'fromId', 'toId'];
  const values: Record<string, string | null | undefined> = {
    name: p.name,
    entityKind: p.entityKind,
    title: p.title,
    validFrom: p.validFrom,
    validTo: p.validTo,
    fromId: p.from?.entity?.id,
    toId: p.to?.entity?.id,
  };
  const inputs = new Map<string, HTMLInputElement>();
  const form = el('form', { className: 'review-edit' });
  for (const name of names) {
    const input = el('input', { attrs: { name, 'aria-label': name, placeholder: name, value: values[name] ?? '' } });
    inputs.set(name, input);
    form.append(el('label', {}, name, input));
  }
  form.append(el('button', { className: 'button', attrs: { type: 'submit' } }, 'Accept edited'));
  return { form, inputs };
}
