import type { Logger } from 'pino';
import { logger } from '../log.js';

/**
 * Remembers whether the database is reachable so an outage is logged once when it starts (with its cause) and
 * once when it ends (with its length), however many requests fail in between.
 */
export class OutageTracker {
  private downSince: number | undefined;
  private failures = 0;

  constructor(private readonly log: Logger = logger('db')) {}

  get down(): boolean {
    return this.downSince !== undefined;
  }

  /** A request or probe found the database unavailable. */
  failed(cause: unknown): void {
    this.failures += 1;
    if (this.downSince !== undefined) return;
    this.downSince = Date.now();
    const { code, message } = (cause ?? {}) as { code?: unknown; message?: unknown };
    this.log.error({ code: typeof code === 'string' ? code : undefined, cause: typeof message === 'string' ? message : String(cause) }, 'Neo4j unavailable; requests fail with DATABASE_UNAVAILABLE until it is back');
  }

  /** A request or probe reached the database. */
  succeeded(): void {
    if (this.downSince === undefined) return;
    this.log.info({ outageMs: Date.now() - this.downSince, failedRequests: this.failures }, 'Neo4j available again');
    this.downSince = undefined;
    this.failures = 0;
  }
}
