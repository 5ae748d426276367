import { redactPath } from './request-route';
import { databaseErrorSummary, safeErrorFields } from './safe-error';

describe('safeErrorFields', () => {
  it('should keep class, SQLSTATE, constraint and table of a query error and drop its values', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      severity: 'ERROR',
      code: '23505',
      constraint: 'users_email_key',
      table: 'users',
      detail: 'Key (email)=(siti@contoh.id) already exists.',
    });
    class QueryFailedError extends Error {
      query = 'INSERT INTO users (email) VALUES ($1)';
      parameters = ['siti@contoh.id'];
      driverError = driverError;
    }
    const fields = safeErrorFields(new QueryFailedError(driverError.message));
    expect(fields).toMatchObject({ errorClass: 'QueryFailedError', code: '23505', constraint: 'users_email_key', table: 'users' });
    const text = JSON.stringify(fields);
    expect(text).not.toContain('siti@contoh.id');
    expect(text).not.toContain('INSERT');
    expect(text).not.toContain('duplicate key');
    expect(databaseErrorSummary(new QueryFailedError('x'))).toBe('QueryFailedError 23505 constraint=users_email_key table=users');
  });

  it('should keep stack frames without the message line', () => {
    const fields = safeErrorFields(new TypeError('Cannot read Dyah Ayu'));
    expect(fields.errorClass).toBe('TypeError');
    expect(JSON.stringify(fields)).not.toContain('Dyah');
    expect(fields.frames?.length).toBeGreaterThan(0);
  });
});

describe('redactPath', () => {
  it.each([
    ['/undangan/abcDEF123_-xyz', '/undangan/:x'],
    ['/api/v1/requests/3578-U-2026-00031/receipt.pdf', '/api/v1/requests/:x/receipt.pdf'],
    ['/lacak', '/lacak'],
    ['/x/siti%40contoh.id/3578015503900001', '/x/:x/:x'],
  ])('should redact %s to %s', (path, redacted) => {
    expect(redactPath(path)).toBe(redacted);
  });
});
