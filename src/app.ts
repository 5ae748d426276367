import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import hbs from 'hbs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import pinoHttp from 'pino-http';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { ValidationFailed } from './common/errors/domain-error';
import { fieldErrorsOf } from './common/forms/validate-dto';
import { HttpErrorFilter } from './common/errors/http-error.filter';
import { createRootLogger, PinoNestLogger } from './common/logging/logger';
import { routeOf } from './common/logging/request-route';
import { safeErrorFields } from './common/logging/safe-error';
import { ControlCharacterPipe } from './common/validation/control-characters.pipe';
import { FormShapeInterceptor } from './common/validation/form-shape.interceptor';
import { registerViewHelpers } from './common/views/view-helpers';
import { applyWebSecurity } from './common/security/web-security';
import { applySessions } from 'src/modules/auth';

/** Project root: views/ and public/ sit beside src/ (and beside dist/ when built). */
export const ROOT_DIR = join(__dirname, __dirname.includes(`${join('dist', 'src')}`) ? '../..' : '..');

/** One message per field, for the `errors` map of a 400 answer (the same as every form's). */
export const flattenValidationErrors = fieldErrorsOf;

/** Builds the whole application (views, security headers, validation, errors, logging, OpenAPI). */
export async function createApp(config: AppConfig, options: { logDestination?: DestinationStream } = {}): Promise<NestExpressApplication> {
  const logger = createRootLogger(config.logLevel, options.logDestination);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    abortOnError: false,
  });
  if (config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      // Answered as X-Request-Id, so whoever reports a failure can quote the log line's id.
      genReqId: (_req: Request, res: Response) => {
        const id = randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Only id, method, route pattern and status: paths (invitation tokens, registration numbers),
      // query strings and bodies may carry secrets or personal data. The route is known only once
      // the request was routed, so it is added to the finished line, not to the request bindings.
      serializers: {
        req: (req: { id?: unknown; method: string }) => ({ id: req.id, method: req.method }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customSuccessObject: (req: Request, _res: Response, val: object) => ({ ...val, route: routeOf(req) }),
      // The cause of a 500 is logged by HttpErrorFilter with the same request id; here only its class.
      customErrorObject: (req: Request, _res: Response, err: Error, val: object) => ({ ...val, err: safeErrorFields(err, 0), route: routeOf(req) }),
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.isProduction ? [] : null,
        },
      },
      hsts: config.isProduction,
    }),
  );
  // Swagger UI hides its icon sprite with inline styles; allow them on the documentation page only.
  app.use('/api/docs', (_req: Request, res: Response, next: NextFunction) => {
    const csp = res.getHeader('Content-Security-Policy');
    if (typeof csp === 'string') res.setHeader('Content-Security-Policy', csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
    next();
  });
  app.useBodyParser('json', { limit: '100kb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '100kb' });
  applyWebSecurity(app, config);
  applySessions(app, config);
  app.useStaticAssets(join(ROOT_DIR, 'public'), { prefix: '/static/', maxAge: config.isProduction ? '1d' : 0 });
  app.setBaseViewsDir(join(ROOT_DIR, 'views'));
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  // Templates compiled once per process; only development reads them again on every render.
  app.set('view cache', config.nodeEnv !== 'development');
  // Partials load asynchronously (the first page must not race them); keep their file names as they are.
  const registerPartials = hbs.registerPartials.bind(hbs) as unknown as (
    dir: string,
    options: { rename: (name: string) => string },
    done: () => void,
  ) => void;
  await new Promise<void>((resolve) => registerPartials(join(ROOT_DIR, 'views', 'partials'), { rename: (n) => n }, resolve));
  registerViewHelpers(hbs);
  app.useGlobalPipes(
    new ControlCharacterPipe(),
    new ValidationPipe({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: (errors: ValidationError[]): ValidationFailed | BadRequestException =>
        new ValidationFailed(flattenValidationErrors(errors)),
    }),
  );
  app.useGlobalInterceptors(new FormShapeInterceptor());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Portal KIP API')
    .setDescription('Permohonan informasi publik (UU 14/2008): badan publik, kalender hari kerja, permohonan')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  return app;
}

/**
 * The application without HTTP, for a worker process (PROCESS_ROLE=worker): the same modules, so
 * the same migrations, reference data and job handlers, with nothing listening. `init()` starts it.
 */
export async function createWorker(config: AppConfig, options: { logDestination?: DestinationStream } = {}): Promise<INestApplicationContext> {
  const logger = createRootLogger(config.logLevel, options.logDestination);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  return app;
}
