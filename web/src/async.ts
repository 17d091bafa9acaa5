/** A debounced function: calls wait until `ms` pass without a new call. */
export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Drops a pending call. */
  cancel(): void;
}

/** Wraps `fn` so a burst of calls runs it once, with the last arguments, `ms` after the burst. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (...args: A): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, ms);
  };
  debounced.cancel = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}

/** One request's handle: its abort signal and whether it is still the latest. */
export interface Ticket {
  signal: AbortSignal;
  isCurrent(): boolean;
}

/**
 * Keeps only the latest of a series of requests. Starting one aborts the one before; the sequence
 * check also covers responses that were already parsed when the abort came, which abort cannot stop.
 */
export class Latest {
  private seq = 0;
  private controller: AbortController | undefined;

  /** Starts a request, superseding the previous one. */
  begin(): Ticket {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const mine = ++this.seq;
    return { signal: controller.signal, isCurrent: () => mine === this.seq && !controller.signal.aborted };
  }

  /** Supersedes the running request without starting another. */
  cancel(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.seq++;
  }
}
