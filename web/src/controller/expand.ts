import { ApiError, isAbort } from '../api/client.js';
import { humanError } from '../api/errors.js';
import { mergeSubgraphs, type ExplorerApi } from '../api/explorer.js';
import type { Subgraph } from '../model.js';
import type { PreviewDialog } from '../panels/preview.js';
import { placeNew } from '../scene/layout.js';
import { apply, type Operation } from '../scene/operations.js';
import { expansionGroups, groupQueries, newEntityCount, pickGroups, serverGroups, type ExpansionGroup } from '../scene/preview.js';
import type { QueryRecord, Scene } from '../scene/scene.js';

/**
 * Expanding a node, a hub through its preview, and "+N more": fetch what the analyst asked for, merge it
 * into the scene once, place the new nodes round the node they came from (the rest stay put), and commit
 * the result as one undoable step. The page's controller (main.ts) supplies the scene and the outlets.
 */

export const NEIGHBOURHOOD_LIMIT = 200;
/** Expanding brings in at most this many new entities without asking; more opens the preview. */
const PREVIEW_ABOVE = 20;
/** "Load more" brings in this many more neighbours at a time. */
const MORE_BATCH = 50;
/** The server's largest neighbourhood limit. */
const MAX_LIMIT = 1000;

export interface ExpandDeps {
  api: ExplorerApi;
  scene(): Scene;
  commit(op: Operation): void;
  say(message: string, tone?: 'info' | 'error'): void;
  preview: Pick<PreviewDialog, 'choose'>;
}

export class Expander {
  /** Set once the server turns out not to know expansionPreview, so later expansions skip asking. */
  private previewMissing = false;

  constructor(private readonly deps: ExpandDeps) {}

  /** Brings a subgraph into the scene as one undoable step; new nodes are placed round `anchor`. */
  async bring(record: QueryRecord, anchor?: string): Promise<number> {
    return this.bringSubgraph(await this.deps.api.subgraph(record), record, anchor);
  }

  bringSubgraph(subgraph: Subgraph, record: QueryRecord | QueryRecord[], anchor?: string): number {
    const before = this.deps.scene();
    // Merged once: the new nodes are placed in the merged scene, which is then committed whole.
    const merged = apply(before, { type: 'add', subgraph, positions: new Map(), query: record });
    const added = merged.nodes.size - before.nodes.size;
    if (!added && merged.edges.size === before.edges.size) return 0;
    const positions = placeNew(merged, { anchor });
    this.deps.commit({ type: 'replace', scene: positions.size ? apply(merged, { type: 'move', positions }) : merged });
    return added;
  }

  nameOf(id: string): string {
    return this.deps.scene().nodes.get(id)?.name ?? id;
  }

  async expand(id: string): Promise<void> {
    const name = this.nameOf(id);
    this.deps.say(`Expanding ${name}…`);
    try {
      const asOf = this.deps.scene().asOf;
      const record: QueryRecord = { op: 'neighbourhood', variables: { ids: [id], depth: 1, limit: NEIGHBOURHOOD_LIMIT, ...(asOf ? { asOf } : {}) } };
      const groups = await this.serverPreview(id);
      if (groups) {
        // The server counted the neighbours without reading them: fetch only what the analyst picks.
        const total = groups.reduce((n, g) => n + g.count, 0);
        if (total > PREVIEW_ABOVE) {
          this.deps.say(`${name} has many neighbours: choose what to bring in.`);
          const chosen = await this.deps.preview.choose(name, groups, false);
          if (!chosen) {
            this.deps.say(`Expanding ${name} cancelled.`);
            return;
          }
          const records = groupQueries(id, chosen, NEIGHBOURHOOD_LIMIT, asOf);
          const parts = await Promise.all(records.map((r) => this.deps.api.subgraph(r)));
          this.reportExpansion(name, this.bringSubgraph(mergeSubgraphs(parts), records, id), parts.some((p) => p.truncated));
          return;
        }
      }
      let subgraph = await this.deps.api.subgraph(record);
      // Fallback for a server without expansionPreview: group the fetched neighbourhood here.
      if (!groups && newEntityCount(this.deps.scene(), subgraph) > PREVIEW_ABOVE) {
        this.deps.say(`${name} has many neighbours: choose what to bring in.`);
        const chosen = await this.deps.preview.choose(name, expansionGroups(this.deps.scene(), id, subgraph), subgraph.truncated);
        if (!chosen) {
          this.deps.say(`Expanding ${name} cancelled.`);
          return;
        }
        subgraph = pickGroups(subgraph, id, chosen);
      }
      this.reportExpansion(name, this.bringSubgraph(subgraph, record, id), subgraph.truncated);
    } catch (error) {
      if (!isAbort(error)) this.deps.say(`Could not expand ${name}. ${humanError(error)}`, 'error');
    }
  }

  /**
   * "+N more": the node's neighbourhood again with the limit raised by one batch past what is on
   * screen, so the next neighbours join (the server orders them the same way each time).
   */
  async loadMore(id: string): Promise<void> {
    const name = this.nameOf(id);
    const scene = this.deps.scene();
    const shown = new Set<string>();
    for (const e of scene.edges.values()) {
      if (e.source === id) shown.add(e.target);
      if (e.target === id) shown.add(e.source);
    }
    // Past both what is shown and the limit an expansion used, or the same neighbours would come back.
    const limit = Math.min(MAX_LIMIT, Math.max(NEIGHBOURHOOD_LIMIT, shown.size + 1) + MORE_BATCH);
    this.deps.say(`Loading more around ${name}…`);
    try {
      const asOf = scene.asOf;
      const record: QueryRecord = { op: 'neighbourhood', variables: { ids: [id], depth: 1, limit, ...(asOf ? { asOf } : {}) } };
      const count = await this.bring(record, id);
      const left = this.deps.scene().more.get(id) ?? 0;
      this.deps.say(`${count ? `Added ${count} entities around ${name}.` : `Nothing new around ${name}.`} ${left ? `${left} more relationships still not shown.` : 'All of its relationships are in the scene.'}`);
    } catch (error) {
      if (!isAbort(error)) this.deps.say(`Could not load more around ${name}. ${humanError(error)}`, 'error');
    }
  }

  /** The server's preview groups, or null when the server has no expansionPreview (older servers). */
  private async serverPreview(id: string): Promise<ExpansionGroup[] | null> {
    if (!this.deps.api.expansionPreview || this.previewMissing) return null;
    try {
      return serverGroups(await this.deps.api.expansionPreview(id));
    } catch (error) {
      // Only a schema without the field falls back; any other failure is the analyst's to see.
      if (error instanceof ApiError && error.code === 'GRAPHQL_VALIDATION_FAILED') {
        this.previewMissing = true;
        return null;
      }
      throw error;
    }
  }

  private reportExpansion(name: string, added: number, truncated: boolean): void {
    const more = truncated ? ' The server cut the neighbourhood at its limit; there is more.' : '';
    this.deps.say((added ? `Added ${added} entities around ${name}.` : `Everything around ${name} is already in the scene.`) + more);
  }
}
