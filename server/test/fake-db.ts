import type { Database } from '../src/db/driver.js';

/**
 * A Database stand-in for tests of the HTTP layer: every statement returns no rows (search gives [], entity null)
 * after `gate` resolves; `calls` counts statements, `running`/`maxRunning` their concurrency, `transactions` the read
 * transactions opened (`beginRead`) and `ended` those ended; `fail` makes each statement throw instead.
 */
export function fakeDatabase(options: { gate?: () => Promise<void>; fail?: () => unknown } = {}) {
  const state = { calls: 0, running: 0, maxRunning: 0, pings: 0, transactions: 0, ended: 0 };
  const statement = async <T>(work: (tx: any) => Promise<T>): Promise<T> => {
    state.calls += 1;
    state.running += 1;
    state.maxRunning = Math.max(state.maxRunning, state.running);
    try {
      await options.gate?.();
      if (options.fail) throw options.fail();
      return await work({ run: async () => ({ records: [] }) });
    } finally {
      state.running -= 1;
    }
  };
  const db: Database = {
    database: undefined,
    read: statement,
    write: statement,
    beginRead: async () => {
      state.transactions += 1;
      let open = true;
      return {
        run: ((query: string) => statement(async () => ({ query, records: [] }))) as never,
        isOpen: () => open,
        end: async () => {
          if (open) state.ended += 1;
          open = false;
        },
      };
    },
    ping: async () => {
      state.pings += 1;
    },
    close: async () => undefined,
  };
  return { db, state };
}
