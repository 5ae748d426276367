import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { provinceTimeZone } from 'src/config/province-time-zone';
import { parseScorecardWeights, ScorecardWeights } from 'src/config/scorecard-weights';

/** Typed settings of the portal; every field comes from the environment (README "Settings"). */
export class AppConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly port: number;
  readonly appUrl: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly provinceCode: string;
  /** The province's time zone (WIB, WITA or WIT): the default for dates shown outside any body. */
  readonly provinceTimeZone: string;
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
  readonly demoData: boolean;
  /** Requests the demo data simulates on a new database (DEMO_DATA_REQUESTS). */
  readonly demoDataRequests: number;
  readonly intakeLimitPerIpHour: number;
  readonly intakeLimitPerEmailDay: number;
  /** Working days a PPID has to answer an online consultation (CONSULTATION_RESPONSE_DAYS). */
  readonly consultationResponseDays: number;
  readonly encryptionKey: Buffer;
  /** The key being replaced during a rotation: still decrypts, never encrypts. */
  readonly encryptionKeyPrevious: Buffer | undefined;
  readonly sessionSecret: string;
  readonly cutiBersamaIsNonWorking: boolean;
  readonly logLevel: string;
  readonly trustProxy: boolean;
  /** Absolute lifetime of a signed-in session, whatever its activity. */
  readonly sessionMaxHours: number;
  /** Scorecards: a body with fewer requests in a period is listed as "data belum cukup", not ranked. */
  readonly scorecardMinRequests: number;
  /** Scorecards: the weight of each part of the portal's service index. */
  readonly scorecardWeights: ScorecardWeights;
  /** Weekly bureau summary: a request overdue by more than this many working days needs a leader's call. */
  readonly bureauLeaderCallWorkingDays: number;
  /** Worker threads that render PDFs; 0 renders them on the event loop of the caller. */
  readonly pdfThreads: number;
  /** What this process does: serve HTTP (web), run the jobs (worker), or both. */
  readonly processRole: ProcessRole;

  constructor(values: Omit<AppConfig, 'embedded' | 'isProduction' | 'servesHttp' | 'runsJobs'>) {
    Object.assign(this, values);
  }

  get embedded(): boolean {
    return this.databaseUrl === undefined;
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  /** Whether this process serves HTTP. */
  get servesHttp(): boolean {
    return this.processRole !== 'worker';
  }

  /** Whether this process runs the jobs (mail, reminders, schedules). */
  get runsJobs(): boolean {
    return this.processRole !== 'web';
  }
}

export const PROCESS_ROLES = ['both', 'web', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/** A setting that cannot be used; the message names it so the operator can fix it. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    reason: string,
  ) {
    super(`Setting ${setting} is invalid: ${reason}`);
  }
}

/**
 * One thread per core beside the one serving requests, at least one and at most four: a receipt
 * takes tens of milliseconds, so a few threads keep up with any intake a province sees.
 */
export function defaultPdfThreads(cores = availableParallelism()): number {
  return Math.min(4, Math.max(1, cores - 1));
}

/** About 30 requests per kab/kota and year: loaded in seconds on the embedded database. */
export const DEFAULT_DEMO_DATA_REQUESTS = 1200;
const MAX_DEMO_DATA_REQUESTS = 5_000_000;

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `expected ${min}..${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `expected a ${protocols.join(' or ')} URL`);
  }
  return raw;
}

/** A secret from the environment, or one generated once and kept in DATA_DIR for the embedded mode. */
function secret(
  env: Env,
  name: string,
  opts: { dataDir: string; mustBeGiven: boolean; bytes: number; validate?: (v: string) => string | null },
): string {
  const given = text(env, name);
  if (given !== undefined) {
    const problem = opts.validate?.(given);
    if (problem) throw new ConfigError(name, problem);
    return given;
  }
  // Instances sharing one PostgreSQL must share the keys; one generated per DATA_DIR would split them.
  if (opts.mustBeGiven) throw new ConfigError(name, 'required with DATABASE_URL (every instance on the database must use the same value)');
  const file = join(opts.dataDir, 'secrets', name.toLowerCase());
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(join(opts.dataDir, 'secrets'), { recursive: true, mode: 0o700 });
  const generated = randomBytes(opts.bytes).toString('base64');
  writeFileSync(file, generated, { mode: 0o600 });
  return generated;
}

const encryptionKeyProblem = (v: string): string | null =>
  Buffer.from(v, 'base64').length === 32 ? null : 'expected 32 bytes in base64 (openssl rand -base64 32)';

/** Reads and validates every setting; throws ConfigError naming the first bad one. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnvRaw = text(env, 'NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError('NODE_ENV', `expected development, production or test, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const appUrl = (url(env, 'APP_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const dataDir = resolve(text(env, 'DATA_DIR') ?? './data');
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new ConfigError('DATA_DIR', `cannot create ${dataDir}: ${(e as Error).message}`);
  }
  const smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const mailFrom = text(env, 'MAIL_FROM') ?? 'PPID <noreply@localhost>';
  const provinceCode = text(env, 'PROVINCE_CODE') ?? '35';
  if (!/^\d{2}$/.test(provinceCode)) {
    throw new ConfigError('PROVINCE_CODE', `expected a two-digit Kepmendagri province code, got "${provinceCode}"`);
  }
  const adminEmail = text(env, 'ADMIN_EMAIL');
  const adminPassword = text(env, 'ADMIN_PASSWORD');
  if (adminEmail !== undefined && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'not an e-mail address');
  }
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError(adminEmail ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL', 'ADMIN_EMAIL and ADMIN_PASSWORD go together');
  }
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('ADMIN_PASSWORD', 'at least 10 characters');
  }
  const secretsRequired = databaseUrl !== undefined;
  const encryptionKey = Buffer.from(
    secret(env, 'ENCRYPTION_KEY', { dataDir, mustBeGiven: secretsRequired, bytes: 32, validate: encryptionKeyProblem }),
    'base64',
  );
  const previousRaw = text(env, 'ENCRYPTION_KEY_PREVIOUS');
  const previousProblem = previousRaw === undefined ? null : encryptionKeyProblem(previousRaw);
  if (previousProblem) throw new ConfigError('ENCRYPTION_KEY_PREVIOUS', previousProblem);
  const encryptionKeyPrevious = previousRaw === undefined ? undefined : Buffer.from(previousRaw, 'base64');
  if (encryptionKeyPrevious?.equals(encryptionKey)) {
    throw new ConfigError('ENCRYPTION_KEY_PREVIOUS', 'equals ENCRYPTION_KEY; set it to the key being replaced');
  }
  const sessionSecret = secret(env, 'SESSION_SECRET', {
    dataDir,
    mustBeGiven: secretsRequired,
    bytes: 48,
    validate: (v) => (v.length >= 32 ? null : 'at least 32 characters'),
  });
  const processRole = (text(env, 'PROCESS_ROLE') ?? 'both').toLowerCase();
  if (!(PROCESS_ROLES as readonly string[]).includes(processRole)) {
    throw new ConfigError('PROCESS_ROLE', `expected ${PROCESS_ROLES.join(', ')}, got "${processRole}"`);
  }
  // The embedded database lives inside the one process that opened it: no other process can reach it.
  if (processRole !== 'both' && databaseUrl === undefined) {
    throw new ConfigError('PROCESS_ROLE', `${processRole} needs DATABASE_URL (the embedded database serves one process, which does both)`);
  }
  const weights = parseScorecardWeights(text(env, 'SCORECARD_WEIGHTS'));
  if (weights.problem !== null) throw new ConfigError('SCORECARD_WEIGHTS', weights.problem);
  return new AppConfig({
    nodeEnv,
    port,
    appUrl,
    databaseUrl,
    dataDir,
    smtpUrl,
    mailFrom,
    provinceCode,
    provinceTimeZone: provinceTimeZone(provinceCode),
    adminEmail,
    adminPassword,
    demoData: bool(env, 'DEMO_DATA', databaseUrl === undefined),
    demoDataRequests: integer(env, 'DEMO_DATA_REQUESTS', DEFAULT_DEMO_DATA_REQUESTS, 0, MAX_DEMO_DATA_REQUESTS),
    intakeLimitPerIpHour: integer(env, 'INTAKE_LIMIT_PER_IP_HOUR', 20, 1, 1_000_000),
    intakeLimitPerEmailDay: integer(env, 'INTAKE_LIMIT_PER_EMAIL_DAY', 10, 1, 1_000_000),
    consultationResponseDays: integer(env, 'CONSULTATION_RESPONSE_DAYS', 3, 1, 30),
    encryptionKey,
    encryptionKeyPrevious,
    sessionSecret,
    cutiBersamaIsNonWorking: bool(env, 'CUTI_BERSAMA_NON_WORKING', true),
    logLevel: text(env, 'LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 12, 1, 720),
    scorecardMinRequests: integer(env, 'SCORECARD_MIN_REQUESTS', 20, 1, 100_000),
    scorecardWeights: weights.weights,
    bureauLeaderCallWorkingDays: integer(env, 'BUREAU_LEADER_CALL_WORKING_DAYS', 10, 1, 100),
    pdfThreads: integer(env, 'PDF_THREADS', defaultPdfThreads(), 0, 32),
    processRole: processRole as ProcessRole,
  });
}
