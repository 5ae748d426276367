import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from 'src/config/app-config';
import { DomainError, RateLimited, statusOf, ValidationFailed } from 'src/common/errors/domain-error';
import { Actor } from 'src/common/auth/actor';
import { sessionsPageModel } from './account-sessions.presenter';
import { AccountSessionsService } from './account-sessions.service';
import { AccountsService } from './accounts.service';
import { InvalidCredentials } from './auth.errors';
import { Authenticated, CurrentActor, safeReturnPath } from 'src/common/auth/authenticated';
import { AuthenticationService } from './authentication.service';
import { LoginDto } from './dto/login.dto';
import { ChangePasswordDto, SetPasswordDto } from './dto/password.dto';
import { errorList, validateForm } from 'src/common/forms/form-input';
import { homePathOf } from 'src/common/auth/roles';
import { endSession, startSession } from './sessions';

type FormBody = Record<string, string | undefined>;

/** Pages with passwords or one-time links are never cached. */
function noStore(res: Response): void {
  res.set('Cache-Control', 'no-store');
}

/** A failure the form shows itself (with its status) instead of the error page. */
function formFailure(e: unknown): DomainError | null {
  return e instanceof ValidationFailed || e instanceof InvalidCredentials || e instanceof RateLimited ? e : null;
}

function errorsOf(e: DomainError): Record<string, string> {
  return e.errors && Object.keys(e.errors).length > 0 ? e.errors : { form: e.message };
}

function renderFailure(res: Response, view: string, e: DomainError, model: object, order: readonly string[]): void {
  const errors = errorsOf(e);
  if (e instanceof RateLimited) res.set('Retry-After', String(e.retryAfterSeconds));
  noStore(res);
  res.status(statusOf(e.code)).render(view, {
    ...model,
    errors,
    errorList: errorList(errors, order).map((item) => (item.href === '#f-form' ? { ...item, href: `#f-${order[0]}` } : item)),
  });
}

const LOGIN_FIELDS = ['email', 'password'];
const CHANGE_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'];
const INVITATION_FIELDS = ['newPassword', 'confirmPassword'];

/** Sign-in and sign-out, the own password, and accepting an invitation. */
@ApiExcludeController()
@Controller()
export class AuthPagesController {
  constructor(
    private readonly auth: AuthenticationService,
    private readonly accounts: AccountsService,
    private readonly ownSessions: AccountSessionsService,
    private readonly config: AppConfig,
  ) {}

  @Get('masuk')
  signInForm(
    @Req() req: Request,
    @Res() res: Response,
    @Query('next') next?: string,
    @Query('keluar') signedOut?: string,
    @Query('aktif') activated?: string,
  ): void {
    const back = safeReturnPath(next);
    if (req.actor) return res.redirect(303, back ?? homePathOf(req.actor.role));
    noStore(res);
    res.render('auth/login', {
      title: 'Masuk',
      next: back,
      values: {},
      notice: signedOut !== undefined ? 'Anda telah keluar.' : activated !== undefined ? 'Kata sandi tersimpan. Silakan masuk dengan e-mail dan kata sandi baru Anda.' : null,
    });
  }

  @Post('masuk')
  async signIn(@Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    const back = safeReturnPath(body.next);
    try {
      const input = validateForm(LoginDto, { email: body.email, password: body.password });
      const signedIn = await this.auth.signIn({ email: input.email, password: input.password, clientIp: req.ip ?? 'unknown' });
      await startSession(req, signedIn.actor.userId, signedIn.authStamp);
      res.redirect(303, back ?? homePathOf(signedIn.actor.role));
    } catch (e) {
      const failure = formFailure(e);
      if (!failure) throw e;
      const email = typeof body.email === 'string' ? body.email.slice(0, 254) : '';
      renderFailure(res, 'auth/login', failure, { title: 'Masuk', next: back, values: { email } }, LOGIN_FIELDS);
    }
  }

  @Post('keluar')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    await endSession(req, res, this.config);
    res.redirect(303, '/masuk?keluar=1');
  }

  @Get('akun/kata-sandi')
  @Authenticated()
  passwordForm(@Res() res: Response, @Query('berhasil') done?: string): void {
    noStore(res);
    res.render('auth/password', { title: 'Ganti kata sandi', done: done !== undefined });
  }

  @Post('akun/kata-sandi')
  @Authenticated()
  async changePassword(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const input = validateForm(ChangePasswordDto, {
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
        confirmPassword: body.confirmPassword,
      });
      const stamp = await this.accounts.changePassword(actor, input);
      // The old session id dies with the old password; this browser stays signed in under a new one.
      await startSession(req, actor.userId, stamp);
      res.redirect(303, '/akun/kata-sandi?berhasil=1');
    } catch (e) {
      const failure = formFailure(e);
      if (!failure) throw e;
      renderFailure(res, 'auth/password', failure, { title: 'Ganti kata sandi' }, CHANGE_FIELDS);
    }
  }

  @Get('akun/sesi')
  @Authenticated()
  async sessionsPage(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res() res: Response,
    @Query('berakhir') ended?: string,
    @Query('dicabut') revoked?: string,
  ): Promise<void> {
    const current = { sessionId: req.sessionID };
    const sessions = await this.ownSessions.listSessions(actor, current);
    const tokens = await this.ownSessions.listApiTokens(actor, current);
    noStore(res);
    res.render('auth/sessions', {
      title: 'Sesi dan token API',
      maxHours: this.config.sessionMaxHours,
      notice: ended !== undefined ? 'Sesi telah diakhiri.' : revoked !== undefined ? 'Token API telah dicabut.' : null,
      ...sessionsPageModel(sessions, tokens, this.config.provinceTimeZone),
    });
  }

  @Post('akun/sesi/:id/akhiri')
  @Authenticated()
  async endOwnSession(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const { wasCurrent } = await this.ownSessions.endSession(actor, id, { sessionId: req.sessionID });
    if (wasCurrent) {
      await endSession(req, res, this.config);
      return res.redirect(303, '/masuk?keluar=1');
    }
    res.redirect(303, '/akun/sesi?berakhir=1');
  }

  @Post('akun/token/:id/cabut')
  @Authenticated()
  async revokeOwnToken(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string): Promise<void> {
    await this.ownSessions.revokeApiToken(actor, id);
    res.redirect(303, '/akun/sesi?dicabut=1');
  }

  @Get('undangan/:token')
  async invitationForm(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const pending = await this.accounts.invitationFor(token);
    noStore(res);
    res.render('auth/invitation', { title: 'Aktifkan akun', token, account: { name: pending.name, email: pending.email } });
  }

  @Post('undangan/:token')
  async acceptInvitation(@Param('token') token: string, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const input = validateForm(SetPasswordDto, { newPassword: body.newPassword, confirmPassword: body.confirmPassword });
      await this.accounts.acceptInvitation(token, input);
      res.redirect(303, '/masuk?aktif=1');
    } catch (e) {
      if (!(e instanceof ValidationFailed)) throw e;
      const pending = await this.accounts.invitationFor(token);
      renderFailure(
        res,
        'auth/invitation',
        e,
        { title: 'Aktifkan akun', token, account: { name: pending.name, email: pending.email } },
        INVITATION_FIELDS,
      );
    }
  }
}
