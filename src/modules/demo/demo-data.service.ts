import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from 'src/config/app-config';
import { FieldCipher } from 'src/common/crypto/field-cipher';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { TrackingCodes } from 'src/modules/requests/tracking/tracking-code';
import { formatDemoLogins } from './demo-accounts';
import { DemoCounts, DemoDataLoader, DemoLoadOutcome, DemoLoadResult } from './demo-loader';
import { DEMO_SETTINGS, DemoSettings } from './demo-settings';

/**
 * DEMO_DATA: on start, a new database (no requests, no accounts but admins) gets a simulated
 * year of requests and the demo accounts, once; the logins are printed to stdout as a plain
 * block, outside the JSON log, and never again.
 */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');
  private readonly loader: DemoDataLoader;
  /** The result of this process's load, if it loaded (the password is only here and in the printed block). */
  lastLoad: DemoLoadResult | null = null;

  constructor(
    dataSource: DataSource,
    cipher: FieldCipher,
    codes: TrackingCodes,
    calendar: CalendarService,
    private readonly config: AppConfig,
    @Inject(DEMO_SETTINGS) private readonly settings: DemoSettings,
  ) {
    this.loader = new DemoDataLoader(dataSource, cipher, codes, calendar);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData) return;
    await this.loadIfEmpty(new Date());
  }

  async loadIfEmpty(now: Date): Promise<DemoLoadOutcome> {
    const outcome = await this.loader.loadIntoEmptyDatabase({ seed: this.settings.seed, requests: this.settings.requests, now });
    if (!outcome.loaded) {
      if (outcome.reason === 'not_empty') this.logger.log('demo data not loaded: the database already holds requests or accounts');
      return outcome;
    }
    const r = outcome.result;
    this.lastLoad = r;
    this.logger.log({ msg: 'demo data loaded', requests: r.requests, events: r.events, accounts: r.createdAccounts, seconds: r.seconds });
    process.stdout.write(
      formatDemoLogins({
        appUrl: this.config.appUrl,
        requests: r.requests,
        events: r.events,
        bodies: r.plans.length,
        seconds: r.seconds,
        password: r.password,
        accounts: r.accounts,
        plans: r.plans,
        sample: r.sample,
      }),
    );
    return outcome;
  }

  /** What a start-up load with this seed and clock generates, counted; writes nothing. */
  preview(now: Date, seed = this.settings.seed, requests = this.settings.requests): Promise<DemoCounts> {
    return this.loader.preview({ seed, requests, now });
  }
}
