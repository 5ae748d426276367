import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { AccountsService } from './accounts.service';

/** On start, with ADMIN_EMAIL and ADMIN_PASSWORD set and no admin yet, creates that admin. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    private readonly accounts: AccountsService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (adminEmail === undefined || adminPassword === undefined) return;
    const outcome = await this.accounts.ensureBootstrapAdmin(adminEmail, adminPassword);
    if (outcome === 'created') this.logger.log('admin account created from ADMIN_EMAIL');
    if (outcome === 'email_taken') {
      this.logger.warn('no admin exists, but ADMIN_EMAIL belongs to another account: left unchanged, no admin created');
    }
  }
}
