import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AccountSessionsService } from './account-sessions.service';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { AuthenticationService } from './authentication.service';
import { AccessTokenDto, ApiTokenListItemDto, LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthApiController {
  constructor(
    private readonly auth: AuthenticationService,
    private readonly ownSessions: AccountSessionsService,
  ) {}

  @Post('token')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiBody({ type: LoginDto })
  @ApiResponse({ status: 201, type: AccessTokenDto, description: 'A bearer token valid for 12 hours' })
  @ApiResponse({ status: 400, description: '`errors` per field' })
  @ApiResponse({ status: 401, description: 'Wrong e-mail or password (one message for both)' })
  @ApiResponse({ status: 429, description: 'Too many failed attempts: the account is locked for 15 minutes' })
  async token(@Req() req: Request, @Body() body: LoginDto): Promise<AccessTokenDto> {
    const issued = await this.auth.issueApiToken({ email: body.email, password: body.password, clientIp: req.ip ?? 'unknown' });
    return { accessToken: issued.accessToken, expiresAt: issued.expiresAt.toISOString() };
  }

  @Get('tokens')
  @Authenticated()
  @Header('Cache-Control', 'no-store')
  @ApiResponse({ status: 200, type: ApiTokenListItemDto, isArray: true, description: "The caller's own working tokens, newest first" })
  async tokens(@CurrentActor() actor: Actor, @Req() req: Request): Promise<ApiTokenListItemDto[]> {
    const tokens = await this.ownSessions.listApiTokens(actor, { apiTokenId: req.apiTokenId });
    return tokens.map((t) => ({
      id: t.id,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      current: t.current,
    }));
  }

  @Delete('tokens/:id')
  @Authenticated()
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Revoked; the account\'s other tokens keep working' })
  @ApiResponse({ status: 404, description: "Not a working token of the caller's own account" })
  async revokeToken(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.ownSessions.revokeApiToken(actor, id);
  }
}
