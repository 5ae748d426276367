import { Body, Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthenticationService } from './authentication.service';
import { AccessTokenDto, LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthApiController {
  constructor(private readonly auth: AuthenticationService) {}

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
}
