import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit';
import { BodiesModule } from 'src/modules/bodies';
import { NotificationsModule } from 'src/modules/notifications';
import { AccessPolicy } from './access-policy';
import { AccountAdminRepository } from './account-admin.repository';
import { AccountAdminService } from './account-admin.service';
import { AccountSessionsService } from './account-sessions.service';
import { AccountsService } from './accounts.service';
import { ActorResolver } from './actor-resolver';
import { AccountActionsController } from './admin/account-actions.controller';
import { AdminApiController } from './admin/admin-api.controller';
import { AdminPagesController } from './admin/admin-pages.controller';
import { AccountPlacesService } from './admin/account-places.service';
import { AdminBootstrap } from './admin-bootstrap';
import { AuthApiController } from './auth-api.controller';
import { AuthPagesController } from './auth-pages.controller';
import { AuthenticationService } from './authentication.service';
import { SessionStore } from './sessions';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository } from './users.repository';

/**
 * Accounts, sessions, API tokens, roles and unit scoping. Other modules use:
 * - `@Authenticated(...roles)` and `@CurrentActor()` (authenticated.ts) on controllers;
 * - AccessPolicy (exported) in services, to check which units an actor may see;
 * - AccountsService (exported) to create accounts without the admin pages (the bootstrap admin, tests).
 * applySessions (sessions.ts) installs the session and actor middleware in createApp.
 */
@Module({
  imports: [AuditModule, BodiesModule, NotificationsModule],
  controllers: [AuthPagesController, AuthApiController, AdminPagesController, AdminApiController, AccountActionsController],
  providers: [
    UsersRepository,
    SessionsRepository,
    AccountSessionsService,
    AccessPolicy,
    ActorResolver,
    SessionStore,
    AuthenticationService,
    AccountsService,
    AccountPlacesService,
    AccountAdminRepository,
    AccountAdminService,
    AdminBootstrap,
  ],
  exports: [AccessPolicy, AccountsService],
})
export class AuthModule {}
