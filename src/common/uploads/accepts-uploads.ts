import {
  applyDecorators,
  BadRequestException,
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  mixin,
  NestInterceptor,
  PayloadTooLargeException,
  SetMetadata,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { catchError, finalize, from, Observable, switchMap, throwError } from 'rxjs';
import { AppConfig } from 'src/config/app-config';
import { sweepStaleUploads, TempFileStorage } from './temp-file-storage';
import { UploadedFile } from './uploaded-file';

/** Metadata of handlers that take multipart bodies; every other route refuses them (MultipartGate). */
export const ACCEPTS_UPLOADS = 'kip:accepts-uploads';

export interface UploadRules {
  /** The file fields and how many files each takes. */
  files: { name: string; maxCount: number }[];
  /** Per file. A larger file is kept only in part and reported by its size, for the service to name the limit. */
  maxFileBytes: number;
  /** The whole body: a larger Content-Length is refused with 413 before a byte is read. */
  maxRequestBytes: number;
  /** Says the limit in the 413 answer, e.g. "Dokumen identitas paling besar 2 MB." */
  tooLargeMessage: string;
  maxFields?: number;
  maxFieldBytes?: number;
}

/** Where uploads wait while their request runs. */
export function uploadDir(config: AppConfig): string {
  return join(config.dataDir, 'tmp', 'uploads');
}

/** The uploaded files of one field, as the handler's services take them. */
export function uploadedFiles(req: Request, field: string): UploadedFile[] {
  const files = req.files;
  const list = Array.isArray(files) ? files.filter((f) => f.fieldname === field) : (files?.[field] ?? []);
  return list.map((f) => ({ originalname: f.originalname, size: f.size, path: f.path }));
}

function allFiles(req: Request): Express.Multer.File[] {
  const files = req.files;
  if (!files) return [];
  return Array.isArray(files) ? files : Object.values(files).flat();
}

/** Multer's limit errors as clear answers; disk errors stay errors (500). */
function refusal(e: unknown, rules: UploadRules): unknown {
  if (e instanceof multer.MulterError) {
    const field = rules.files.find((f) => f.name === e.field);
    switch (e.code) {
      case 'LIMIT_FILE_COUNT':
        return new BadRequestException(`Paling banyak ${rules.files.reduce((n, f) => n + f.maxCount, 0)} berkas sekaligus.`);
      case 'LIMIT_UNEXPECTED_FILE':
        return new BadRequestException(field ? `Paling banyak ${field.maxCount} berkas pada isian ini.` : 'Formulir ini tidak menerima berkas pada isian tersebut.');
      case 'LIMIT_FILE_SIZE':
        return new PayloadTooLargeException(rules.tooLargeMessage);
      default:
        return new BadRequestException('Isian formulir terlalu panjang atau tidak dapat dibaca.');
    }
  }
  if ((e as NodeJS.ErrnoException | null)?.syscall) return e;
  // Malformed multipart, or the client went away mid-upload.
  return new BadRequestException('Isian formulir tidak dapat dibaca. Silakan coba lagi.');
}

function uploadInterceptor(rules: UploadRules): Type<NestInterceptor> {
  @Injectable()
  class UploadInterceptor implements NestInterceptor {
    private readonly parse: RequestHandler;

    constructor(@Inject(AppConfig) config: AppConfig) {
      const dir = uploadDir(config);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      void sweepStaleUploads(dir);
      const fileCount = rules.files.reduce((n, f) => n + f.maxCount, 0);
      const fields = rules.maxFields ?? 40;
      this.parse = multer({
        storage: new TempFileStorage(dir, rules.maxFileBytes),
        limits: { files: fileCount, fields, parts: fileCount + fields, fieldSize: rules.maxFieldBytes ?? 64 * 1024, fieldNameSize: 100 },
      }).fields(rules.files);
    }

    intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
      const req = context.switchToHttp().getRequest<Request>();
      const res = context.switchToHttp().getResponse<Response>();
      // Forms of the same route without a file (urlencoded) pass as they are.
      if (!req.is('multipart/form-data')) return next.handle();
      const declared = req.headers['content-length'];
      if (declared === undefined || !/^\d+$/.test(declared)) {
        throw new HttpException('Unggahan berkas harus menyebutkan ukurannya (Content-Length).', HttpStatus.LENGTH_REQUIRED);
      }
      if (Number(declared) > rules.maxRequestBytes) throw new PayloadTooLargeException(rules.tooLargeMessage);
      const parsed = new Promise<void>((resolve, reject) => {
        this.parse(req, res, (err?: unknown) => (err ? reject(err) : resolve()));
      });
      return from(parsed).pipe(
        catchError((e: unknown) => throwError(() => refusal(e, rules))),
        switchMap(() => next.handle()),
        // Success, error or a client gone away: the temporary files go.
        // (Multer itself removes what it stored when parsing fails; entries without a path are placeholders.)
        finalize(() => {
          for (const f of allFiles(req)) if (typeof f.path === 'string') void rm(f.path, { force: true }).catch(() => undefined);
        }),
      );
    }
  }
  return mixin(UploadInterceptor);
}

/**
 * The handler takes multipart bodies with these files. Parsing runs as an interceptor, so after
 * the CSRF check (middleware) and the guards (authentication); files stream to DATA_DIR/tmp/uploads
 * and are removed when the request ends.
 */
export function AcceptsUploads(rules: UploadRules): MethodDecorator {
  return applyDecorators(SetMetadata(ACCEPTS_UPLOADS, true), UseInterceptors(uploadInterceptor(rules)));
}
