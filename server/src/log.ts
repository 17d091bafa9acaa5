import pino, { type Logger } from 'pino';

/**
 * The server's one logger: structured JSON lines with an ISO timestamp on stderr (stdout stays free for tools).
 * `KGX_LOG_LEVEL` (trace, debug, info, warn, error, fatal, silent) sets the level; the default is info.
 */
export const log: Logger = pino(
  {
    level: process.env.KGX_LOG_LEVEL?.trim() || 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  pino.destination({ fd: 2, sync: true }),
);

/** A child logger for one part of the server (`component` appears on every line). */
export function logger(component: string): Logger {
  return log.child({ component });
}
