import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccountsService } from 'src/modules/auth/accounts.service';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { CreatedUserDto, CreateUserDto } from 'src/modules/auth/dto/create-user.dto';

@ApiTags('admin')
@Controller('api/v1/admin')
@Authenticated('admin')
export class AdminApiController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('users')
  @HttpCode(201)
  @ApiBody({ type: CreateUserDto })
  @ApiResponse({ status: 201, type: CreatedUserDto })
  @ApiResponse({ status: 400, description: '`errors` per field' })
  @ApiResponse({ status: 409, description: 'The e-mail is already registered' })
  async createUser(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<CreatedUserDto> {
    const { id } = await this.accounts.createAccount(actor, body);
    return { id };
  }
}
