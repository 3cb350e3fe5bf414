import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { requestContext } from './request-context.js';

/** What a line written outside any request gets from the mixin: nothing, without allocating. */
const NO_CONTEXT = {};
/** At low traffic a 4 KiB buffer could hold a line for minutes; this bounds how late a line appears. */
const PERIODIC_FLUSH_MS = 1_000;
/** How long an exit waits for buffered lines to be written before it writes them synchronously. */
const FLUSH_TIMEOUT_MS = 1_000;

let stdout: DestinationStream | undefined;

/**
 * Standard output through one asynchronous buffer for the process: lines are written 4 KiB at a time,
 * off the request path, in every NODE_ENV (so what tests run is what production runs). Exits flush it.
 */
function stdoutDestination(): DestinationStream {
  stdout ??= pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: PERIODIC_FLUSH_MS });
  return stdout;
}

/** One JSON logger for Fastify, Nest and the services; `destination` lets tests read the lines. */
export function createRootLogger(level: string, destination: DestinationStream = stdoutDestination()): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'atrium' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]'], censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
    // Every line written during a request carries its request and trace ids, whoever writes it.
    mixin: () => {
      const store = requestContext.getStore();
      return store ? { requestId: store.requestId, traceId: store.traceId } : NO_CONTEXT;
    },
    // What the caller logs wins over the mixin; the shared empty object is never written to.
    mixinMergeStrategy: (mergeObject, mixinObject) => (mixinObject === NO_CONTEXT ? mergeObject : Object.assign(mixinObject, mergeObject)),
  };
  return pino(options, destination);
}

/** Writes what is still buffered, synchronously: for exits where the event loop may not turn again. */
export function flushLogsSync(logger: Logger | undefined): void {
  const stream = (logger as unknown as Record<symbol, { flushSync?: () => void } | undefined> | undefined)?.[pino.symbols.streamSym];
  try {
    stream?.flushSync?.();
  } catch {
    // Not open yet, or already closed: nothing of ours is buffered.
  }
}

/** Waits (at most FLUSH_TIMEOUT_MS) until buffered lines are written, then writes any rest synchronously. */
export function flushLogs(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      flushLogsSync(logger);
      resolve();
    };
    const timer = setTimeout(finish, FLUSH_TIMEOUT_MS);
    // An error here is fsync refused on a pipe or terminal, after the lines were written.
    logger.flush(finish);
  });
}

export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string) {
    this.write('fatal', message, context);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, context?: string) {
    if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}
