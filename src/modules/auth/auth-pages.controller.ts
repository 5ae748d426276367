import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from 'src/config/app-config';
import { DomainError, RateLimited } from 'src/common/errors/domain-error';
import { Actor } from 'src/common/auth/actor';
import { sessionsPageModel } from './account-sessions.presenter';
import { AccountSessionsService } from './account-sessions.service';
import { AccountsService } from './accounts.service';
import { InvalidCredentials } from './auth.errors';
import { Authenticated, CurrentActor, safeReturnPath } from 'src/common/auth/authenticated';
import { AuthenticationService } from './authentication.service';
import { LoginDto } from './dto/login.dto';
import { ChangePasswordDto, SetPasswordDto } from './dto/password.dto';
import { submitForm } from 'src/common/forms/form-page';
import { parseDto } from 'src/common/forms/validate-dto';
import { homePathOf } from 'src/common/auth/roles';
import { endSession, startSession } from './sessions';

type FormBody = Record<string, string | undefined>;

/** Pages with passwords or one-time links are never cached. */
function noStore(res: Response): void {
  res.set('Cache-Control', 'no-store');
}

/** Besides invalid input, the sign-in form shows a wrong password and a lock-out itself. */
function signInFailure(e: DomainError): boolean {
  return e instanceof InvalidCredentials || e instanceof RateLimited;
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
    const email = typeof body.email === 'string' ? body.email.slice(0, 254) : '';
    await submitForm(
      res,
      { fields: LOGIN_FIELDS, values: { email }, shows: signInFailure, render: () => ({ view: 'auth/login', model: { title: 'Masuk', next: back } }) },
      async () => {
        const input = parseDto(LoginDto, { email: body.email, password: body.password });
        const signedIn = await this.auth.signIn({ email: input.email, password: input.password, clientIp: req.ip ?? 'unknown' });
        await startSession(req, signedIn.actor.userId, signedIn.authStamp);
        res.redirect(303, back ?? homePathOf(signedIn.actor.role));
      },
    );
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
    await submitForm(
      res,
      { fields: CHANGE_FIELDS, values: {}, shows: signInFailure, render: () => ({ view: 'auth/password', model: { title: 'Ganti kata sandi' } }) },
      async () => {
        const input = parseDto(ChangePasswordDto, {
          currentPassword: body.currentPassword,
          newPassword: body.newPassword,
          confirmPassword: body.confirmPassword,
        });
        const stamp = await this.accounts.changePassword(actor, input);
        // The old session id dies with the old password; this browser stays signed in under a new one.
        await startSession(req, actor.userId, stamp);
        res.redirect(303, '/akun/kata-sandi?berhasil=1');
      },
    );
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
    await submitForm(
      res,
      {
        fields: INVITATION_FIELDS,
        values: {},
        render: async () => {
          const pending = await this.accounts.invitationFor(token);
          return { view: 'auth/invitation', model: { title: 'Aktifkan akun', token, account: { name: pending.name, email: pending.email } } };
        },
      },
      async () => {
        const input = parseDto(SetPasswordDto, { newPassword: body.newPassword, confirmPassword: body.confirmPassword });
        await this.accounts.acceptInvitation(token, input);
        res.redirect(303, '/masuk?aktif=1');
      },
    );
  }
}
