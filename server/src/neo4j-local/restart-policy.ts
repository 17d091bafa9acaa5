/** How the supervisor paces restarts: exponential backoff, never a permanent give-up, and a health verdict. */
export interface RestartPolicyOptions {
  /** First pause before a restart; doubles after each failed attempt. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Up this long counts as stable: the next death starts the backoff afresh. */
  stableAfterMs?: number;
  /** Down (restarts failing) this long: unhealthy, so /healthz fails and an orchestrator can step in. Restarts go on. */
  unhealthyAfterMs?: number;
}

export class RestartPolicy {
  private attempt = 0;
  private downSince: number | undefined;
  private upSince: number | undefined;
  private fatal: string | undefined;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly stableAfterMs: number;
  private readonly unhealthyAfterMs: number;

  constructor(options: RestartPolicyOptions = {}) {
    this.initialDelayMs = options.initialDelayMs ?? 1_000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.stableAfterMs = options.stableAfterMs ?? 60_000;
    this.unhealthyAfterMs = options.unhealthyAfterMs ?? 120_000;
  }

  /** The database came up (first start or restart). */
  up(now = Date.now()): void {
    this.upSince = now;
    this.downSince = undefined;
    this.fatal = undefined;
  }

  /** The database died or a restart failed; returns the pause before the next attempt. */
  down(now = Date.now()): number {
    if (this.upSince !== undefined && now - this.upSince >= this.stableAfterMs) this.attempt = 0;
    this.upSince = undefined;
    this.downSince ??= now;
    const delay = Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** this.attempt);
    this.attempt += 1;
    return delay;
  }

  /** A failure that waiting cannot fix (e.g. Java gone): unhealthy at once; attempts continue at the longest pause. */
  cannotRestart(reason: string): void {
    this.fatal = reason;
    this.attempt = Math.max(this.attempt, 30);
  }

  /** False when the database has been down longer than allowed, or cannot be restarted at all. */
  healthy(now = Date.now()): boolean {
    if (this.fatal !== undefined) return false;
    return this.downSince === undefined || now - this.downSince < this.unhealthyAfterMs;
  }

  get reason(): string | undefined {
    return this.fatal;
  }
}
