import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from './database-unavailable';
import { routeOf } from 'src/common/logging/request-route';
import { safeErrorFields } from 'src/common/logging/safe-error';
import { DomainError, RateLimited, statusOf } from './domain-error';

export interface ErrorBody {
  statusCode: number;
  message: string;
  errors?: Record<string, string>;
}

const TITLES: Record<number, string> = {
  400: 'Permintaan tidak valid',
  401: 'Perlu masuk',
  403: 'Tidak diizinkan',
  404: 'Halaman tidak ditemukan',
  409: 'Terjadi konflik',
  413: 'Berkas terlalu besar',
  422: 'Tidak dapat diproses',
  429: 'Terlalu banyak permintaan',
  500: 'Terjadi kesalahan',
  503: 'Layanan sedang tidak tersedia',
};

/** Maps domain errors and HTTP exceptions to JSON under /api and /health, and to an error page elsewhere. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === 503) this.logger.warn(`database unavailable (${errorName(exception)}): answered 503`);
    else if (body.statusCode >= 500) {
      // A summary only: the error's message, query and parameters may hold what a citizen typed.
      const requestId = (req as { id?: unknown }).id;
      this.logger.error({ msg: 'unhandled error', error: safeErrorFields(exception), route: routeOf(req), method: req.method, requestId: typeof requestId === 'string' || typeof requestId === 'number' ? requestId : undefined });
    }
    if (res.headersSent) return;
    res.status(body.statusCode);
    if (exception instanceof RateLimited) res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    if (body.statusCode === 503) res.setHeader('Retry-After', '5');
    if (wantsJson(req)) {
      res.json(body);
      return;
    }
    res.render('errors/error', {
      title: TITLES[body.statusCode] ?? 'Terjadi kesalahan',
      statusCode: body.statusCode,
      message: body.message,
      errors: body.errors ? Object.values(body.errors) : [],
    });
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return { statusCode: statusOf(exception.code), message: exception.message, errors: exception.errors };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? String((response as { message: unknown }).message)
          : exception.message;
      return { statusCode: status, message: status === 404 ? 'Halaman tidak ditemukan.' : message };
    }
    if (isPayloadTooLarge(exception)) {
      return { statusCode: HttpStatus.PAYLOAD_TOO_LARGE, message: 'Isian atau berkas melebihi batas ukuran.' };
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: 'Layanan sedang tidak tersedia sebentar. Silakan coba lagi dalam beberapa detik.' };
    }
    return { statusCode: 500, message: 'Terjadi kesalahan pada sistem. Silakan coba lagi.' };
  }
}

function isPayloadTooLarge(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { type?: string }).type === 'entity.too.large';
}

export function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api') || req.path === '/health';
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : typeof e;
}
