import { CanActivate, ExecutionContext, Injectable, UnsupportedMediaTypeException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCEPTS_UPLOADS } from './accepts-uploads';

/**
 * Refuses a multipart body on every route that takes no files, before any of it is read
 * (global guard, so before authentication and before the route's own work).
 */
@Injectable()
export class MultipartGate implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.is('multipart/form-data')) return true;
    if (this.reflector.getAllAndOverride<boolean>(ACCEPTS_UPLOADS, [context.getHandler(), context.getClass()])) return true;
    throw new UnsupportedMediaTypeException('Alamat ini tidak menerima unggahan berkas.');
  }
}
