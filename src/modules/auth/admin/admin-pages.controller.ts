import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from 'src/config/app-config';
import { DomainError, statusOf, ValidationFailed } from 'src/common/errors/domain-error';
import { AccountsService } from 'src/modules/auth/accounts.service';
import { Actor } from 'src/common/auth/actor';
import { EmailTaken, UnitCodeTaken } from 'src/modules/auth/auth.errors';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { CreateUnitDto } from 'src/modules/auth/dto/create-unit.dto';
import { CreateUserDto } from 'src/modules/auth/dto/create-user.dto';
import { errorList, idField, textField, validateForm } from 'src/common/forms/form-input';
import { isRole } from 'src/common/auth/roles';
import { UnitsAdminService } from './units-admin.service';
import { accountRows, placeOptions, roleOptions, timeZoneOptions, unitTreeView } from './admin-views';

type FormBody = Record<string, string | undefined>;

const USER_FIELDS = ['email', 'name', 'role', 'unitId', 'bodyId'];
const UNIT_FIELDS = ['bodyId', 'name', 'code', 'email', 'timeZone', 'opensAt', 'closesAt'];

function isFormFailure(e: unknown): e is DomainError {
  return e instanceof ValidationFailed || e instanceof EmailTaken || e instanceof UnitCodeTaken;
}

/** Accounts and units, for admins. */
@ApiExcludeController()
@Controller('admin')
@Authenticated('admin')
export class AdminPagesController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly unitsAdmin: UnitsAdminService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  index(@Res() res: Response): void {
    res.render('auth/admin', { title: 'Admin' });
  }

  @Get('pengguna')
  async users(@CurrentActor() actor: Actor, @Res() res: Response, @Query('dibuat') created?: string): Promise<void> {
    res.render('admin/users/index', await this.usersView(actor, { role: 'officer' }, {}, Number(created)));
  }

  @Post('pengguna')
  async createUser(@CurrentActor() actor: Actor, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    const role = textField(body.role);
    try {
      // The form has both a unit and a body list; only the one the role needs is read.
      const input = validateForm(CreateUserDto, {
        email: textField(body.email),
        name: textField(body.name),
        role,
        unitId: role === 'officer' ? idField(body.unitId) : undefined,
        bodyId: role === 'supervisor' ? idField(body.bodyId) : undefined,
      });
      const { id } = await this.accounts.createAccount(actor, input);
      res.redirect(303, `/admin/pengguna?dibuat=${id}`);
    } catch (e) {
      if (!isFormFailure(e)) throw e;
      const values = { email: body.email ?? '', name: body.name ?? '', role: role ?? '', unitId: body.unitId ?? '', bodyId: body.bodyId ?? '' };
      res.status(statusOf(e.code)).render('admin/users/index', await this.usersView(actor, values, e.errors ?? { email: e.message }));
    }
  }

  @Get('unit')
  async units(@CurrentActor() actor: Actor, @Res() res: Response, @Query('dibuat') created?: string): Promise<void> {
    const values = { timeZone: this.config.provinceTimeZone, opensAt: '08:00', closesAt: '16:00' };
    res.render('admin/units/index', await this.unitsView(actor, values, {}, Number(created)));
  }

  @Post('unit')
  async createUnit(@CurrentActor() actor: Actor, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const input = validateForm(CreateUnitDto, {
        bodyId: idField(body.bodyId),
        name: textField(body.name),
        code: textField(body.code)?.toUpperCase(),
        email: textField(body.email),
        timeZone: textField(body.timeZone),
        opensAt: textField(body.opensAt),
        closesAt: textField(body.closesAt),
      });
      const { id } = await this.unitsAdmin.createPelaksana(actor, input);
      res.redirect(303, `/admin/unit?dibuat=${id}#unit-${id}`);
    } catch (e) {
      if (!isFormFailure(e)) throw e;
      const values = Object.fromEntries(UNIT_FIELDS.map((f) => [f, body[f] ?? '']));
      res.status(statusOf(e.code)).render('admin/units/index', await this.unitsView(actor, values, e.errors ?? { name: e.message }));
    }
  }

  private async usersView(actor: Actor, values: Record<string, string>, errors: Record<string, string>, createdId?: number): Promise<object> {
    const [rows, tree] = await Promise.all([this.accounts.listAccounts(actor), this.unitsAdmin.bodyTree(actor)]);
    const created = rows.find((r) => r.id === createdId);
    return {
      title: 'Pengguna',
      accounts: accountRows(rows, new Date(), this.config.provinceTimeZone),
      created: created ? { name: created.name, email: created.email, activated: created.activated } : null,
      roles: roleOptions(isRole(values.role) ? values.role : undefined),
      ...placeOptions(tree, Number(values.unitId), Number(values.bodyId)),
      values,
      errors,
      errorList: errorList(errors, USER_FIELDS),
    };
  }

  private async unitsView(actor: Actor, values: Record<string, string>, errors: Record<string, string>, createdId?: number): Promise<object> {
    const tree = await this.unitsAdmin.bodyTree(actor);
    const created = tree.flatMap((b) => b.units.map((u) => ({ ...u, bodyName: b.name }))).find((u) => u.id === createdId);
    return {
      title: 'Unit PPID',
      bodies: unitTreeView(tree),
      bodyOptions: tree.map((b) => ({ id: b.id, name: b.name, selected: String(b.id) === values.bodyId })),
      timeZones: timeZoneOptions(values.timeZone),
      created: created ? { name: created.name, code: created.code, bodyName: created.bodyName } : null,
      values,
      errors,
      errorList: errorList(errors, UNIT_FIELDS),
    };
  }
}
