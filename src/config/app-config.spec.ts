import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

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
    [{ ENCRYPTION_KEY: 'short' }, 'ENCRYPTION_KEY'],
    [{ ADMIN_EMAIL: 'admin@kip.id' }, 'ADMIN_PASSWORD'],
    [{ SESSION_MAX_HOURS: '0' }, 'SESSION_MAX_HOURS'],
    [{ SESSION_MAX_HOURS: '1.5' }, 'SESSION_MAX_HOURS'],
    [{ SESSION_MAX_HOURS: '721' }, 'SESSION_MAX_HOURS'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost/kip' }, 'ENCRYPTION_KEY'],
  ])('should name the setting when given %j', (env: Record<string, string>, setting: string) => {
    const attempt = () => loadConfig({ DATA_DIR: dataDir, ...env });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Setting ${setting} is invalid`));
  });

  it('should read SESSION_MAX_HOURS', () => {
    expect(loadConfig({ DATA_DIR: dataDir, SESSION_MAX_HOURS: '4' }).sessionMaxHours).toBe(4);
  });

  it('should default DEMO_DATA to false on PostgreSQL', () => {
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://localhost/kip' }).demoData).toBe(false);
  });
});
