/** The auth module's public surface: other modules import only from here. */
export { AccessPolicy } from './access-policy';
export { AccountsService } from './accounts.service';
export { isApiPath } from './actor-resolver';
export { AuthModule } from './auth.module';
export { hashPassword } from './passwords';
export { applySessions } from './sessions';
