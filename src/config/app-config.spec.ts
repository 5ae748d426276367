import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, defaultPdfThreads, loadConfig } from './app-config';

const KEY = Buffer.alloc(32, 3).toString('base64');
const OTHER_KEY = Buffer.alloc(32, 4).toString('base64');

describe('loadConfig', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kip-config-'));

  it('should use the documented defaults when nothing is set', () => {
    const c = loadConfig({ DATA_DIR: dataDir });
    expect(c).toMatchObject({ port: 3000, appUrl: 'http://localhost:3000', provinceCode: '35', demoData: true, embedded: true });
    expect(c.intakeLimitPerIpHour).toBe(20);
    expect(c.intakeLimitPerEmailDay).toBe(10);
    expect(c.sessionMaxHours).toBe(12);
    expect(c.encryptionKey).toHaveLength(32);
  });

  it.each([
    ['35', 'Asia/Jakarta'],
    ['73', 'Asia/Makassar'],
    ['51', 'Asia/Makassar'],
    ['94', 'Asia/Jayapura'],
  ])('should take the time zone of province %s as %s', (code, zone) => {
    expect(loadConfig({ DATA_DIR: dataDir, PROVINCE_CODE: code }).provinceTimeZone).toBe(zone);
  });

  it('should keep the generated secrets across starts when DATA_DIR is the same', () => {
    const a = loadConfig({ DATA_DIR: dataDir });
    const b = loadConfig({ DATA_DIR: dataDir });
    expect(b.encryptionKey.equals(a.encryptionKey)).toBe(true);
    expect(b.sessionSecret).toBe(a.sessionSecret);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SMTP_URL: 'not a url' }, 'SMTP_URL'],
    [{ PROVINCE_CODE: 'JATIM' }, 'PROVINCE_CODE'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
    [{ DEMO_DATA_REQUESTS: 'many' }, 'DEMO_DATA_REQUESTS'],
    [{ DEMO_DATA_REQUESTS: '-5' }, 'DEMO_DATA_REQUESTS'],
    [{ DEMO_DATA_REQUESTS: '5000001' }, 'DEMO_DATA_REQUESTS'],
    [{ ENCRYPTION_KEY: 'short' }, 'ENCRYPTION_KEY'],
    [{ ADMIN_EMAIL: 'admin@kip.id' }, 'ADMIN_PASSWORD'],
    [{ SESSION_MAX_HOURS: '0' }, 'SESSION_MAX_HOURS'],
    [{ SESSION_MAX_HOURS: '1.5' }, 'SESSION_MAX_HOURS'],
    [{ SESSION_MAX_HOURS: '721' }, 'SESSION_MAX_HOURS'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost/kip' }, 'ENCRYPTION_KEY'],
    [{ DATABASE_URL: 'postgres://localhost/kip' }, 'ENCRYPTION_KEY'],
    [{ NODE_ENV: 'test', DATABASE_URL: 'postgres://localhost/kip', SESSION_SECRET: 's'.repeat(32) }, 'ENCRYPTION_KEY'],
    [{ DATABASE_URL: 'postgres://localhost/kip', ENCRYPTION_KEY: KEY }, 'SESSION_SECRET'],
    [{ ENCRYPTION_KEY_PREVIOUS: 'short' }, 'ENCRYPTION_KEY_PREVIOUS'],
    [{ ENCRYPTION_KEY: KEY, ENCRYPTION_KEY_PREVIOUS: KEY }, 'ENCRYPTION_KEY_PREVIOUS'],
    [{ PDF_THREADS: 'two' }, 'PDF_THREADS'],
    [{ PDF_THREADS: '-1' }, 'PDF_THREADS'],
    [{ PDF_THREADS: '33' }, 'PDF_THREADS'],
    [{ PROCESS_ROLE: 'mail' }, 'PROCESS_ROLE'],
    [{ PROCESS_ROLE: 'worker' }, 'PROCESS_ROLE'],
    [{ PROCESS_ROLE: 'web' }, 'PROCESS_ROLE'],
    [{ SCORECARD_MIN_REQUESTS: '0' }, 'SCORECARD_MIN_REQUESTS'],
    [{ SCORECARD_WEIGHTS: 'onTime=x' }, 'SCORECARD_WEIGHTS'],
    [{ SCORECARD_WEIGHTS: 'speedy=10' }, 'SCORECARD_WEIGHTS'],
    [{ SCORECARD_WEIGHTS: 'onTime=101' }, 'SCORECARD_WEIGHTS'],
    [{ SCORECARD_WEIGHTS: 'onTime=1,onTime=2' }, 'SCORECARD_WEIGHTS'],
    [{ SCORECARD_WEIGHTS: 'onTime=0,completion=0,speed=0,justifiedRefusals=0,backlog=0,objections=0,annualReport=0,dipCompleteness=0,dipFreshness=0' }, 'SCORECARD_WEIGHTS'],
    [{ SCORECARD_WEIGHTS: 'dipFreshness=101' }, 'SCORECARD_WEIGHTS'],
    [{ SCORECARD_WEIGHTS: 'dipcompleteness=5' }, 'SCORECARD_WEIGHTS'],
    [{ BUREAU_LEADER_CALL_WORKING_DAYS: '0' }, 'BUREAU_LEADER_CALL_WORKING_DAYS'],
    [{ BUREAU_LEADER_CALL_WORKING_DAYS: '101' }, 'BUREAU_LEADER_CALL_WORKING_DAYS'],
    [{ BUREAU_LEADER_CALL_WORKING_DAYS: 'sepuluh' }, 'BUREAU_LEADER_CALL_WORKING_DAYS'],
    [{ BUREAU_LEADER_CALL_WORKING_DAYS: '2.5' }, 'BUREAU_LEADER_CALL_WORKING_DAYS'],
  ])('should name the setting when given %j', (env: Record<string, string>, setting: string) => {
    const attempt = () => loadConfig({ DATA_DIR: dataDir, ...env });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Setting ${setting} is invalid`));
  });

  it('should read the scorecard settings, with their defaults', () => {
    const defaults = loadConfig({ DATA_DIR: dataDir });
    expect(defaults.scorecardMinRequests).toBe(20);
    expect(defaults.scorecardWeights).toEqual({
      onTime: 35,
      completion: 20,
      speed: 10,
      justifiedRefusals: 10,
      backlog: 5,
      objections: 10,
      annualReport: 10,
      dipCompleteness: 5,
      dipFreshness: 5,
      answersPublished: 0,
    });
    const given = loadConfig({ DATA_DIR: dataDir, SCORECARD_MIN_REQUESTS: '5', SCORECARD_WEIGHTS: ' onTime = 50 , backlog=0' });
    expect(given.scorecardMinRequests).toBe(5);
    expect(given.scorecardWeights).toMatchObject({ onTime: 50, backlog: 0, completion: 20, dipCompleteness: 5, dipFreshness: 5 });
  });

  it('should read the weights of the public-information parts of SCORECARD_WEIGHTS, the others keeping their defaults', () => {
    const given = loadConfig({ DATA_DIR: dataDir, SCORECARD_WEIGHTS: 'dipCompleteness=15,dipFreshness=0' });
    expect(given.scorecardWeights).toMatchObject({ onTime: 35, annualReport: 10, dipCompleteness: 15, dipFreshness: 0 });
    const only = loadConfig({ DATA_DIR: dataDir, SCORECARD_WEIGHTS: 'onTime=0,completion=0,speed=0,justifiedRefusals=0,backlog=0,objections=0,annualReport=0,dipFreshness=0' });
    expect(only.scorecardWeights).toMatchObject({ dipCompleteness: 5, onTime: 0 });
  });

  it('should read BUREAU_LEADER_CALL_WORKING_DAYS, 10 when unset, 1 to 100 working days', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).bureauLeaderCallWorkingDays).toBe(10);
    expect(loadConfig({ DATA_DIR: dataDir, BUREAU_LEADER_CALL_WORKING_DAYS: '1' }).bureauLeaderCallWorkingDays).toBe(1);
    expect(loadConfig({ DATA_DIR: dataDir, BUREAU_LEADER_CALL_WORKING_DAYS: '100' }).bureauLeaderCallWorkingDays).toBe(100);
    expect(() => loadConfig({ DATA_DIR: dataDir, BUREAU_LEADER_CALL_WORKING_DAYS: '0' })).toThrow(
      'Setting BUREAU_LEADER_CALL_WORKING_DAYS is invalid: expected 1..100, got 0',
    );
  });

  it('should read SESSION_MAX_HOURS', () => {
    expect(loadConfig({ DATA_DIR: dataDir, SESSION_MAX_HOURS: '4' }).sessionMaxHours).toBe(4);
  });

  it('should read DEMO_DATA_REQUESTS, 1200 when unset, 0 allowed', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).demoDataRequests).toBe(1200);
    expect(loadConfig({ DATA_DIR: dataDir, DEMO_DATA_REQUESTS: '800' }).demoDataRequests).toBe(800);
    expect(loadConfig({ DATA_DIR: dataDir, DEMO_DATA_REQUESTS: '0' }).demoDataRequests).toBe(0);
  });

  it('should read CONSULTATION_RESPONSE_DAYS, 3 when unset, 1 to 30 working days', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).consultationResponseDays).toBe(3);
    expect(loadConfig({ DATA_DIR: dataDir, CONSULTATION_RESPONSE_DAYS: '5' }).consultationResponseDays).toBe(5);
    expect(() => loadConfig({ DATA_DIR: dataDir, CONSULTATION_RESPONSE_DAYS: '0' })).toThrow('Setting CONSULTATION_RESPONSE_DAYS is invalid: expected 1..30, got 0');
    expect(() => loadConfig({ DATA_DIR: dataDir, CONSULTATION_RESPONSE_DAYS: 'tiga' })).toThrow(ConfigError);
  });

  it('should default DEMO_DATA to false on PostgreSQL', () => {
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://localhost/kip', ENCRYPTION_KEY: KEY, SESSION_SECRET: 's'.repeat(32) }).demoData).toBe(false);
  });

  it('should take the keys as given with DATABASE_URL, in any NODE_ENV, and never write them to DATA_DIR', () => {
    const own = mkdtempSync(join(tmpdir(), 'kip-config-'));
    const c = loadConfig({ DATA_DIR: own, DATABASE_URL: 'postgres://localhost/kip', ENCRYPTION_KEY: KEY, SESSION_SECRET: 's'.repeat(32), ENCRYPTION_KEY_PREVIOUS: OTHER_KEY });
    expect(c.encryptionKey.toString('base64')).toBe(KEY);
    expect(c.encryptionKeyPrevious?.toString('base64')).toBe(OTHER_KEY);
    expect(existsSync(join(own, 'secrets'))).toBe(false);
  });

  it('should read PDF_THREADS, one per core beside the first (1 to 4) when unset, 0 for inline', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).pdfThreads).toBe(defaultPdfThreads());
    expect([1, 2, 3, 4, 8, 64].map((cores) => defaultPdfThreads(cores))).toEqual([1, 1, 2, 3, 4, 4]);
    expect(loadConfig({ DATA_DIR: dataDir, PDF_THREADS: '0' }).pdfThreads).toBe(0);
    expect(loadConfig({ DATA_DIR: dataDir, PDF_THREADS: '6' }).pdfThreads).toBe(6);
  });

  it('should read PROCESS_ROLE, both when unset; web and worker only on PostgreSQL', () => {
    const both = loadConfig({ DATA_DIR: dataDir });
    expect(both).toMatchObject({ processRole: 'both', servesHttp: true, runsJobs: true });
    const pg = { DATA_DIR: dataDir, DATABASE_URL: 'postgres://localhost/kip', ENCRYPTION_KEY: KEY, SESSION_SECRET: 's'.repeat(32) };
    expect(loadConfig({ ...pg, PROCESS_ROLE: 'web' })).toMatchObject({ processRole: 'web', servesHttp: true, runsJobs: false });
    expect(loadConfig({ ...pg, PROCESS_ROLE: ' Worker ' })).toMatchObject({ processRole: 'worker', servesHttp: false, runsJobs: true });
    expect(() => loadConfig({ DATA_DIR: dataDir, PROCESS_ROLE: 'worker' })).toThrow('worker needs DATABASE_URL');
  });
});
