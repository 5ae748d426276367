import { randomInt } from 'node:crypto';
import type { Role } from 'src/common/auth/actor';
import { ROLE_LABELS } from 'src/common/auth/roles';
import { TRACKING_ALPHABET } from 'src/modules/requests';
import { ARCHETYPE_LABELS, Archetype } from './simulation/profiles';
import { BodyPlan, regionTitle } from './simulation/world';

/** Under example.org (RFC 2606): mail to a demo account, reminders included, can reach no one. */
export const DEMO_EMAIL_DOMAIN = 'demo.example.org';

/** A demo account before it exists: where it works is named by region code and unit code. */
export interface DemoAccountPlan {
  email: string;
  name: string;
  role: Role;
  /** Officers: their unit. */
  unit: { regionCode: string; code: string } | null;
  /** Supervisors: their body. */
  bodyRegionCode: string | null;
  /** What the printed list says about it. */
  label: string;
  /** Printed one by one; the others are summed up by the pattern of their address. */
  listed: boolean;
}

/** '35.78' → '3578'. */
export function bodyCode(regionCode: string): string {
  return regionCode.replace(/\./g, '');
}

/**
 * One admin, one bureau account, an officer of every PPID Utama and an atasan PPID for every
 * body, and officers of every PPID Pelaksana of the showcase bodies.
 */
export function planAccounts(plans: readonly BodyPlan[]): DemoAccountPlan[] {
  const at = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;
  const accounts: DemoAccountPlan[] = [
    { email: at('admin'), name: 'Admin Demo', role: 'admin', unit: null, bodyRegionCode: null, label: ROLE_LABELS.admin, listed: true },
    { email: at('biro'), name: 'Biro Humas Provinsi (demo)', role: 'bureau', unit: null, bodyRegionCode: null, label: ROLE_LABELS.bureau, listed: true },
  ];
  for (const plan of plans) {
    const code = bodyCode(plan.body.regionCode);
    const region = regionTitle(plan.body);
    const behaviour = ARCHETYPE_LABELS[plan.profile.archetype];
    accounts.push({
      email: at(`petugas.${code}`),
      name: plan.utamaStaff[0],
      role: 'officer',
      unit: { regionCode: plan.body.regionCode, code: plan.body.utama.code },
      bodyRegionCode: null,
      label: `Petugas PPID Utama ${region} (${behaviour})`,
      listed: plan.showcase,
    });
    accounts.push({
      email: at(`atasan.${code}`),
      name: plan.supervisorName,
      role: 'supervisor',
      unit: null,
      bodyRegionCode: plan.body.regionCode,
      label: `${ROLE_LABELS.supervisor} ${region}`,
      listed: plan.showcase,
    });
    if (!plan.showcase) continue;
    for (const unit of plan.pelaksana) {
      accounts.push({
        email: at(`petugas.${code}.${unit.code.toLowerCase()}`),
        name: unit.staff[0],
        role: 'officer',
        unit: { regionCode: plan.body.regionCode, code: unit.code },
        bodyRegionCode: null,
        label: `Petugas ${unit.name}`,
        listed: true,
      });
    }
  }
  return accounts;
}

/** 'Demo-K7QM-2XPA-9RTW': random, at least 10 characters, easy to type. */
export function newDemoPassword(): string {
  const group = () => Array.from({ length: 4 }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('');
  return `Demo-${group()}-${group()}-${group()}`;
}

export interface DemoLoginsReport {
  appUrl: string;
  requests: number;
  events: number;
  bodies: number;
  seconds: number;
  /** Null when every account existed already (their passwords were left alone). */
  password: string | null;
  accounts: readonly DemoAccountPlan[];
  plans: readonly BodyPlan[];
  sample: { registrationNumber: string; trackingCode: string } | null;
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text}  ` : text + ' '.repeat(width - text.length);
}

/** 'label:  a, b, c' wrapped to `width` columns, continuation lines indented under the first item. */
function wrap(label: string, items: readonly string[], indent: number, width: number): string[] {
  const lines: string[] = [];
  let line = `   ${pad(label, indent)}`;
  items.forEach((item, i) => {
    const piece = i < items.length - 1 ? `${item},` : item;
    if (line.trim().length > label.length && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = ' '.repeat(3 + indent) + piece;
    } else {
      line += (line.endsWith(' ') ? '' : ' ') + piece;
    }
  });
  lines.push(line);
  return lines;
}

/** The plain block printed once after a load: where to sign in, with what, and what to look at. */
export function formatDemoLogins(report: DemoLoginsReport): string {
  const rule = '='.repeat(78);
  const listed = report.accounts.filter((a) => a.listed);
  const width = Math.max(...listed.map((a) => a.email.length)) + 2;
  const byArchetype = new Map<Archetype, string[]>();
  for (const plan of report.plans) {
    const list = byArchetype.get(plan.profile.archetype) ?? [];
    list.push(regionTitle(plan.body));
    byArchetype.set(plan.profile.archetype, list);
  }
  const codes = report.plans.map((p) => bodyCode(p.body.regionCode));
  const lines = [
    '',
    rule,
    ` Portal KIP demo data: ${report.requests.toLocaleString('en-US')} requests, ${report.events.toLocaleString('en-US')} events, ` +
      `${report.bodies} public bodies (loaded in ${report.seconds.toFixed(1)} s)`,
    report.password
      ? ` Password of every demo account: ${report.password}`
      : ' The demo accounts existed already and keep their passwords.',
    ` Sign in at ${report.appUrl}/masuk. This is the only time the password is shown.`,
    '',
    ...listed.map((a) => `   ${pad(a.email, width)}${a.label}`),
    '',
    ` And for every public body: petugas.<code>@${DEMO_EMAIL_DOMAIN} (officer of its PPID Utama)`,
    ` and atasan.<code>@${DEMO_EMAIL_DOMAIN} (atasan PPID), <code> being ${codes.slice(0, 3).join(', ')} … ${codes[codes.length - 1] ?? ''}.`,
    '',
    ' How the bodies behave:',
    ...[...byArchetype.entries()].flatMap(([archetype, regions]) => wrap(`${ARCHETYPE_LABELS[archetype]}:`, regions, 20, 78)),
    ...(report.sample
      ? ['', ` Track a request at ${report.appUrl}/lacak: number ${report.sample.registrationNumber}, code ${report.sample.trackingCode}`]
      : []),
    rule,
    '',
  ];
  return lines.join('\n');
}
