import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';
import pinoPretty from 'pino-pretty';

/**
 * Paths never written to the log: credentials, tracking codes and every personal field a
 * request carries. Request bodies are not logged at all; these catch objects logged by hand.
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-tracking-code"]',
  'res.headers["set-cookie"]',
  '*.nik',
  '*.password',
  '*.address',
  '*.trackingCode',
  '*.phone',
];

/**
 * Standard output unless a destination is given (tests read what is logged): one readable line
 * per entry when it is a terminal (someone running `npm start`), JSON lines otherwise (a log
 * collector). Redaction happens before either.
 */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: '[disembunyikan]' } };
  if (destination) return pino(options, destination);
  if (process.stdout.isTTY) return pino(options, readableLines());
  return pino(options);
}

function readableLines(): DestinationStream {
  return pinoPretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true, sync: true });
}

const STARTUP_DETAIL = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** Lets Nest's own Logger calls go to pino as structured lines. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, context?: string): void {
    // Nest lists every module and route it wires at start: detail for debugging, not news.
    this.write(context !== undefined && STARTUP_DETAIL.has(context) ? 'debug' : 'info', message, context);
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, context, trace);
  }

  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }

  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }

  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, context?: string, trace?: string): void {
    if (typeof message === 'object' && message !== null) {
      this.root[level]({ context, trace, ...(message as object) });
    } else {
      this.root[level]({ context, trace }, String(message));
    }
  }
}
