import { append, el } from '../dom.js';
import { servedContext } from '../graph/context.js';
import { edgeLabel } from '../graph/elements.js';
import { lookOf } from '../graph/style.js';
import type { EntityDetails, EntityKind, Evidence, RelationshipDetails } from '../model.js';
import { kindSwatch } from '../swatch.js';

/**
 * The details panel (an <aside>). Everything here is built with text nodes: names, quotes and
 * documents come from the API and are treated as untrusted.
 */

/** What the panel needs to know about entities it mentions but does not show in full. */
export interface EntityRef {
  id: string;
  name: string;
  kind: EntityKind | null;
}

export interface PanelActions {
  /** Show another entity (a relationship's other end, an edge's endpoint). */
  openEntity(id: string): void;
  /** Add the entity's neighbourhood to the graph. */
  expand(id: string): void;
  /** Pan the graph to the entity. */
  centre(id: string): void;
  /**
   * Open the quote's document with every quote in `all` from the same document marked. Resolves to what went
   * wrong, in words, or null: the panel shows it under the quote whose button was pressed.
   */
  openDocument(evidence: Evidence, all: readonly Evidence[]): Promise<string | null>;
  close(): void;
}

/** Renders into an <aside>: a heading plus a scrolling body. */
export class Panel {
  private readonly body: HTMLElement;
  private readonly title: HTMLHeadingElement;
  private readonly eyebrow: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: PanelActions,
  ) {
    this.eyebrow = el('div', { className: 'panel-eyebrow' });
    this.title = el('h2', { id: 'panel-title' });
    const close = el('button', { className: 'icon-button panel-close', attrs: { type: 'button', 'aria-label': 'Close details', title: 'Close' } }, '×');
    close.addEventListener('click', () => this.actions.close());
    this.body = el('div', { className: 'panel-body' });
    root.setAttribute('aria-labelledby', 'panel-title');
    root.replaceChildren(el('header', { className: 'panel-head' }, el('div', {}, this.eyebrow, this.title), close), this.body);
    this.showIntro();
  }

  /** The state before anything is chosen: what the panel is for. */
  showIntro(): void {
    this.root.classList.remove('has-details');
    this.eyebrow.replaceChildren('Details');
    this.title.textContent = 'Nothing selected';
    this.body.replaceChildren(
      el('p', { className: 'hint' }, 'Click a node or an edge, or search by name, to see what the documents say about it.'),
      el(
        'ul',
        { className: 'hint-list' },
        el('li', {}, el('kbd', {}, 'Click'), ' a node or edge: details and evidence'),
        el('li', {}, el('kbd', {}, 'Double-click'), ' a node: expand its neighbourhood'),
        el('li', {}, 'Hover an edge or zoom in: relationship labels'),
        el('li', {}, el('kbd', {}, '?'), ' all keyboard shortcuts'),
      ),
    );
  }

  /** Several things selected: name them, and say what can be done with several. */
  showSeveral(refs: readonly EntityRef[]): void {
    this.root.classList.add('has-details');
    this.eyebrow.replaceChildren('Selection');
    this.title.textContent = `${refs.length} selected`;
    this.body.replaceChildren(
      el('ul', { className: 'chips' }, ...refs.map((r) => el('li', {}, this.entityLink(r)))),
      el('p', { className: 'hint' }, 'Paths (P) finds the shortest path between two selected nodes; Hide (H), Only selection (O) and Remove (Delete) act on all of them.'),
    );
  }

  /** Shows a heading at once while the details load, so clicks feel instant. */
  showLoading(name: string, kind: EntityKind | null): void {
    this.root.classList.add('has-details');
    this.setEyebrow(kind, kind ? lookOf(kind).label : 'Relationship');
    this.title.textContent = name;
    this.body.replaceChildren(el('p', { className: 'loading' }, 'Loading…'));
  }

  /** Shows that details could not be loaded (the status bar carries the error itself). */
  showFailure(message: string): void {
    this.body.replaceChildren(el('p', { className: 'panel-error' }, message));
  }

  /** Renders one entity: facts, its evidence, and each relationship with that relationship's evidence. */
  showEntity(entity: EntityDetails, names: ReadonlyMap<string, EntityRef>): void {
    this.root.classList.add('has-details');
    this.setEyebrow(entity.kind, lookOf(entity.kind).label);
    this.title.textContent = entity.name;

    const expand = button('Expand neighbourhood', () => this.actions.expand(entity.id), 'primary');
    const centre = button('Centre in graph', () => this.actions.centre(entity.id));

    const facts = el('dl', { className: 'facts' });
    fact(facts, 'Id', el('code', {}, entity.id));
    if (entity.aliases.length) fact(facts, 'Aliases', el('ul', { className: 'chips' }, ...entity.aliases.map((a) => el('li', {}, a))));
    if (entity.fullName) fact(facts, 'Full name', entity.fullName);
    if (entity.when) fact(facts, 'When', entity.when);
    if (entity.description) fact(facts, 'Description', entity.description);
    if (entity.vision) fact(facts, 'Vision', el('q', {}, entity.vision));

    const relationships = [...entity.relationships].sort(byTypeThenOther(entity.id, names));
    const all = [...entity.evidence, ...relationships.flatMap((r) => r.evidence)];
    const open = (e: Evidence) => this.actions.openDocument(e, all);
    const groups = new Map<string, RelationshipDetails[]>();
    for (const r of relationships) groups.set(r.type, [...(groups.get(r.type) ?? []), r]);
    this.body.replaceChildren(
      el('div', { className: 'actions' }, expand, centre),
      facts,
      section(`Evidence`, entity.evidence.length, evidenceList(entity.evidence, 'No quotes recorded for this entity itself.', open)),
      section(
        'Relationships',
        relationships.length,
        relationships.length
          ? el(
              'div',
              { className: 'rel-groups' },
              ...[...groups].map(([type, rels]) =>
                el(
                  'section',
                  { className: 'rel-group' },
                  el('h4', {}, el('span', { className: 'rel-type' }, type), ' ', el('span', { className: 'count' }, String(rels.length))),
                  el('ul', { className: 'relationships' }, ...rels.map((r) => this.relationshipItem(entity.id, r, names, (e) => this.actions.openDocument(e, all)))),
                ),
              ),
            )
          : el('p', { className: 'empty' }, 'No relationships.'),
      ),
    );
  }

  /** Renders one relationship: its endpoints and every quote it rests on. */
  showRelationship(rel: RelationshipDetails, names: ReadonlyMap<string, EntityRef>): void {
    this.root.classList.add('has-details');
    this.setEyebrow(null, 'Relationship');
    this.title.textContent = edgeLabel(rel);
    const facts = el('dl', { className: 'facts' });
    fact(facts, 'Type', el('span', { className: 'rel-type' }, rel.type));
    if (rel.title) fact(facts, 'Title', rel.title);
    fact(facts, 'From', this.entityLink(refFor(rel.source, names)));
    fact(facts, 'To', this.entityLink(refFor(rel.target, names)));
    fact(facts, 'Id', el('code', {}, rel.id));
    const open = (e: Evidence) => this.actions.openDocument(e, rel.evidence);
    this.body.replaceChildren(facts, section('Evidence', rel.evidence.length, evidenceList(rel.evidence, 'No quotes recorded for this relationship.', open)));
  }

  private setEyebrow(kind: EntityKind | null, label: string): void {
    this.eyebrow.replaceChildren(...(kind ? [kindSwatch(kind, 14)] : []), label);
  }

  private relationshipItem(selfId: string, rel: RelationshipDetails, names: ReadonlyMap<string, EntityRef>, open: (e: Evidence) => void): HTMLLIElement {
    const outgoing = rel.source === selfId;
    const other = refFor(outgoing ? rel.target : rel.source, names);
    const head = el(
      'div',
      { className: 'rel-head' },
      el('span', { className: 'rel-dir', attrs: { title: outgoing ? 'outgoing' : 'incoming', 'aria-label': outgoing ? 'outgoing' : 'incoming' } }, outgoing ? '→' : '←'),
      rel.title ? el('span', { className: 'rel-title' }, rel.title) : null,
      this.entityLink(other),
    );
    const item = el('li', {}, head);
    if (rel.evidence.length) append(item, evidenceList(rel.evidence, '', open));
    return item;
  }

  private entityLink(ref: EntityRef): HTMLElement {
    const link = el('button', { className: 'entity-link', attrs: { type: 'button', title: ref.id } }, ...(ref.kind ? [kindSwatch(ref.kind, 12)] : []), ref.name);
    link.addEventListener('click', () => this.actions.openEntity(ref.id));
    return link;
  }
}

function refFor(id: string, names: ReadonlyMap<string, EntityRef>): EntityRef {
  return names.get(id) ?? { id, name: id, kind: null };
}

function byTypeThenOther(selfId: string, names: ReadonlyMap<string, EntityRef>) {
  const other = (r: RelationshipDetails) => refFor(r.source === selfId ? r.target : r.source, names).name;
  return (a: RelationshipDetails, b: RelationshipDetails) => a.type.localeCompare(b.type) || other(a).localeCompare(other(b), 'nb');
}

function button(label: string, onClick: () => void, variant = ''): HTMLButtonElement {
  const b = el('button', { className: `button ${variant}`.trim(), attrs: { type: 'button' } }, label);
  b.addEventListener('click', onClick);
  return b;
}

function fact(list: HTMLDListElement, term: string, value: Node | string): void {
  append(list, el('dt', {}, term), el('dd', {}, value));
}

function section(title: string, count: number, content: Node): HTMLElement {
  return el('section', { className: 'panel-section' }, el('h3', {}, title, ' ', el('span', { className: 'count' }, String(count))), content);
}

/** Every quote, each in its sentence with the quote marked; none is left out. */
/** Opens a quote's document; resolves to an error in words, or null (void: nothing to report). */
export type OpenEvidence = (e: Evidence) => Promise<string | null> | void;

export function evidenceList(evidence: readonly Evidence[], emptyText: string, open?: OpenEvidence): HTMLElement {
  if (!evidence.length) return el('p', { className: 'empty' }, emptyText);
  return el('ol', { className: 'evidence' }, ...evidence.map((e) => el('li', {}, evidenceFigure(e, open))));
}

/** One quote in context, with the document it comes from. */
export function evidenceFigure(evidence: Evidence, open?: OpenEvidence): HTMLElement {
  const { document: doc, start, end, quote } = evidence;
  const quoteBlock = el('blockquote', { attrs: { cite: doc.source && /^https?:\/\//.test(doc.source) ? doc.source : undefined } });
  let warning: HTMLElement | null = null;
  // Only trust offsets that reproduce the quote; otherwise show the quote alone and say why.
  const c = servedContext(evidence.context, quote);
  if (c) {
    append(quoteBlock, c.clippedBefore ? '… ' : null, c.before, el('mark', {}, c.quote), c.after, c.clippedAfter ? ' …' : null);
  } else {
    append(quoteBlock, el('mark', {}, quote));
    warning = el('p', { className: 'evidence-warning' }, `The offsets ${start}–${end} do not match the quote's sentence, so the sentence around the quote cannot be shown.`);
  }
  const meta = [doc.publishedAt, evidence.supports ? `supports ${evidence.supports}` : null].filter(Boolean).join(' · ');
  let reader: HTMLButtonElement | null = null;
  // A document that cannot be opened is said here, under the button that tried, until a later try succeeds.
  const failure = el('p', { className: 'evidence-error', attrs: { role: 'alert', hidden: true } });
  if (open) {
    reader = el('button', { className: 'link-button', attrs: { type: 'button', title: 'Read the quote in its document' } }, 'Read in document');
    reader.addEventListener('click', () => {
      void Promise.resolve(open(evidence)).then((problem) => {
        failure.textContent = problem ?? '';
        failure.hidden = !problem;
      });
    });
  }
  return el(
    'figure',
    { className: 'quote' },
    quoteBlock,
    warning,
    el('figcaption', {}, el('cite', { attrs: { title: doc.id } }, doc.title), meta ? el('span', { className: 'meta' }, ` · ${meta}`) : null, reader ? ' · ' : null, reader),
    failure,
  );
}
