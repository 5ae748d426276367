import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from 'src/config/app-config';
import { AccountsService } from 'src/modules/auth/accounts.service';
import { Actor } from 'src/common/auth/actor';
import { EmailTaken } from 'src/modules/auth/auth.errors';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { CreateUserDto } from 'src/modules/auth/dto/create-user.dto';
import { textField, validateForm } from 'src/common/forms/form-input';
import { submitForm } from 'src/common/forms/form-page';
import { AccountPlacesService } from './account-places.service';
import { presentUsersPage, USER_FIELDS, UsersPageView } from './accounts-admin.presenter';

type FormBody = Record<string, string | undefined>;


/** Accounts, for admins (units: the bodies module's UnitsAdminPagesController). */
@ApiExcludeController()
@Controller('admin')
@Authenticated('admin')
export class AdminPagesController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly places: AccountPlacesService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  index(@Res() res: Response): void {
    res.render('auth/admin', { title: 'Admin' });
  }

  @Get('pengguna')
  async users(
    @CurrentActor() actor: Actor,
    @Res() res: Response,
    @Query('dibuat') created?: string,
    @Query('hasil') result?: string,
    @Query('akun') resultId?: string,
  ): Promise<void> {
    const done = typeof result === 'string' ? { segment: result, id: Number(resultId) } : undefined;
    res.render('admin/users/index', await this.usersView(actor, { role: 'officer' }, {}, Number(created), done));
  }

  @Post('pengguna')
  async createUser(@CurrentActor() actor: Actor, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    const role = textField(body.role);
    const values = { email: body.email ?? '', name: body.name ?? '', role: role ?? '', unitId: body.unitId ?? '', bodyId: body.bodyId ?? '' };
    await submitForm(
      res,
      {
        fields: USER_FIELDS,
        values,
        shows: (e) => e instanceof EmailTaken,
        render: async (state) => ({ view: 'admin/users/index', model: await this.usersView(actor, state.values, state.errors) }),
      },
      async () => {
        // The form has both a unit and a body list; only the one the role needs is read.
        const input = validateForm(CreateUserDto, {
          email: body.email,
          name: body.name,
          password: body.password,
          role,
          unitId: role === 'officer' ? body.unitId : undefined,
          bodyId: role === 'supervisor' ? body.bodyId : undefined,
        });
        const { id } = await this.accounts.createAccount(actor, input);
        res.redirect(303, `/admin/pengguna?dibuat=${id}`);
      },
    );
  }

  private async usersView(
    actor: Actor,
    values: Record<string, string>,
    errors: Record<string, string>,
    createdId?: number,
    done?: { segment: string; id: number },
  ): Promise<UsersPageView> {
    const [rows, tree] = await Promise.all([this.accounts.listAccounts(actor), this.places.bodyTree(actor)]);
    return presentUsersPage({ rows, tree, actorId: actor.userId, values, errors, createdId, done, timeZone: this.config.provinceTimeZone, now: new Date() });
  }
}
