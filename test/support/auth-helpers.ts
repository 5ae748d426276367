import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccountsService } from 'src/modules/auth/accounts.service';
import { Actor, Role } from 'src/common/auth/actor';
import { BodiesAdminRepository } from 'src/modules/bodies/admin/bodies-admin.repository';
import { csrfTokenOf } from './page-form';

/** The password test accounts get unless a test gives its own. */
export const TEST_PASSWORD = 'kata-sandi-uji-123';

export type TestAgent = ReturnType<typeof request.agent>;

export interface TestUserOptions {
  role: Role;
  /** Required for officers; for supervisors, names their body through one of its units. */
  unitId?: number;
  /** The body of a supervisor. */
  bodyId?: number;
  email?: string;
  name?: string;
  /** Defaults to TEST_PASSWORD; null creates the account with an invitation mail instead. */
  password?: string | null;
}

export interface TestUser {
  id: number;
  email: string;
  name: string;
  /** Null when the account was invited and has no password yet. */
  password: string | null;
  actor: Actor;
}

let counter = 0;

/** A unique address, so tests sharing a database never collide. */
export function uniqueEmail(label = 'pengguna'): string {
  counter += 1;
  return `${label}.${counter}.${randomBytes(3).toString('hex')}@uji.go.id`;
}

/** Creates an account directly through AccountsService (no HTTP); returns it with its Actor. */
export async function createUser(app: INestApplication, options: TestUserOptions): Promise<TestUser> {
  const accounts = app.get(AccountsService);
  const email = options.email ?? uniqueEmail(options.role);
  const name = options.name ?? `Uji ${options.role} ${counter}`;
  const password = options.password === undefined ? TEST_PASSWORD : options.password;
  const { id } = await accounts.provisionAccount({
    email,
    name,
    role: options.role,
    unitId: options.unitId,
    bodyId: options.bodyId,
    password: password ?? undefined,
  });
  const actor = await accounts.findActor(id);
  if (!actor) throw new Error(`account ${id} not found after creation`);
  return { id, email: actor.email, name, password, actor };
}

/** The PPID Utama of a body by its region code, e.g. '35.78' (Kota Surabaya). */
export async function utamaUnitOf(app: INestApplication, regionCode: string): Promise<{ id: number; bodyId: number }> {
  const rows = (await app.get(DataSource).query(
    `SELECT u.id, u.body_id AS "bodyId" FROM ppid_units u JOIN public_bodies b ON b.id = u.body_id
     WHERE b.region_code = $1 AND u.level = 'utama'`,
    [regionCode],
  )) as { id: number; bodyId: number }[];
  if (!rows[0]) throw new Error(`no PPID Utama for region ${regionCode}`);
  return rows[0];
}

/** A new PPID Pelaksana under the body's PPID Utama; the code is random unless given. */
export async function createPelaksanaUnit(
  app: INestApplication,
  regionCode: string,
  options: { code?: string; name?: string } = {},
): Promise<{ id: number; bodyId: number; code: string }> {
  const utama = await utamaUnitOf(app, regionCode);
  const code = options.code ?? `P${randomBytes(3).toString('hex').toUpperCase()}`;
  const id = await app.get(BodiesAdminRepository).insertPelaksana({
    bodyId: utama.bodyId,
    parentId: utama.id,
    code,
    name: options.name ?? `PPID Pelaksana Uji ${code}`,
    email: null,
    timeZone: 'Asia/Jakarta',
    opensAt: '08:00',
    closesAt: '16:00',
  });
  return { id, bodyId: utama.bodyId, code };
}

/** A browser-like agent signed in through /masuk, with the CSRF token its forms need. */
export interface SignedInAgent {
  agent: TestAgent;
  /** Valid for every form this agent posts (the token is bound to its cookies). */
  csrfToken: string;
  /** Posts a urlencoded form with `_csrf` added. */
  postForm(path: string, fields?: Record<string, string>): ReturnType<TestAgent['post']>;
}

/** Signs in through the login page; throws unless the portal redirects (303) after it. */
export async function loginAgent(app: INestApplication, email: string, password: string = TEST_PASSWORD): Promise<SignedInAgent> {
  const agent = request.agent(app.getHttpServer());
  const page = await agent.get('/masuk');
  const csrfToken = csrfTokenOf(page.text);
  const res = await agent.post('/masuk').type('form').send({ _csrf: csrfToken, email, password });
  if (res.status !== 303) throw new Error(`sign-in of ${email} failed with ${res.status}`);
  return {
    agent,
    csrfToken,
    postForm: (path, fields = {}) => agent.post(path).type('form').send({ _csrf: csrfToken, ...fields }),
  };
}

/** A bearer token from POST /api/v1/auth/token; throws unless it answers 201. */
export async function bearerToken(app: INestApplication, email: string, password: string = TEST_PASSWORD): Promise<string> {
  const res = await request(app.getHttpServer()).post('/api/v1/auth/token').send({ email, password });
  if (res.status !== 201) throw new Error(`token for ${email} refused with ${res.status}`);
  return (res.body as { accessToken: string }).accessToken;
}
