import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { fieldName } from './control-characters.pipe';

export const REPEATED_FIELD_MESSAGE = 'Isian ini dikirim lebih dari sekali atau tidak berupa teks.';

/** The first key whose value is not a single string (a repeated field arrives as an array). */
function firstNonText(values: unknown): string | null {
  if (typeof values !== 'object' || values === null) return null;
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    if (value !== undefined && typeof value !== 'string') return key;
  }
  return null;
}

/**
 * No route takes a query parameter twice, and no page form a field twice: such a value arrives
 * as an array where every handler reads text. Refused here with 400 naming the field, before
 * any handler; JSON bodies under /api are typed by their own validation instead.
 */
@Injectable()
export class FormShapeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const req = context.switchToHttp().getRequest<Request>();
      const isApi = req.path.startsWith('/api/') || req.path === '/health';
      const field = firstNonText(req.query) ?? (isApi ? null : firstNonText(req.body));
      if (field !== null) {
        const name = fieldName(field);
        throw new ValidationFailed({ [name]: REPEATED_FIELD_MESSAGE }, `Isian "${name}": ${REPEATED_FIELD_MESSAGE.charAt(0).toLowerCase()}${REPEATED_FIELD_MESSAGE.slice(1)}`);
      }
    }
    return next.handle();
  }
}
