import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TestApp } from './test-app';
import { waitFor } from './wait-for';

/**
 * The path of the one-time link in the latest invitation mail to `email` (the test app's APP_URL
 * must be https://kip.example.test): from the mail's data, or from the .eml once it was sent.
 */
export async function invitationPath(t: TestApp, email: string): Promise<string> {
  const [mail] = (await t.app.get(DataSource).query(
    `SELECT id, data->>'invitationUrl' AS url FROM outbound_mails
     WHERE recipient = $1 AND template = 'account_invitation' ORDER BY created_at DESC LIMIT 1`,
    [email],
  )) as { id: string; url: string | null }[];
  expect(mail).toBeDefined();
  let url = mail.url;
  if (!url) {
    const dir = join(t.config.dataDir, 'mail');
    const file = await waitFor(() => existsSync(dir) && readdirSync(dir).find((f) => f.endsWith(`-${mail.id}.eml`)));
    const text = readFileSync(join(dir, file), 'utf8').replace(/=\r?\n/g, '');
    url = /https:\/\/kip\.example\.test\/undangan\/[A-Za-z0-9_-]{43}/.exec(text)?.[0] ?? null;
  }
  expect(url).toMatch(/^https:\/\/kip\.example\.test\/undangan\/[A-Za-z0-9_-]{43}$/);
  return new URL(url as string).pathname;
}
