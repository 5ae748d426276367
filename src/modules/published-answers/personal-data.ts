/**
 * The requester's own personal fields, cleared from every text a published answer shows. Pure:
 * the publication passes the fields it decrypted and gets the public text back.
 */
export interface PersonalFields {
  /** A person's or a group's name; an organisation's name when it asked as one. */
  name: string;
  /** Individuals' names are cleared word by word too; an organisation's name only as a whole. */
  individual: boolean;
  nik: string | null;
  registrationNo: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
}

/** What stands where personal data was. */
export const REDACTED = '[disamarkan]';

const ESCAPE = /[.*+?^${}()|[\]\\]/g;
const LETTER_OR_DIGIT_BEFORE = '(?<![\\p{L}\\p{N}])';
const LETTER_OR_DIGIT_AFTER = '(?![\\p{L}\\p{N}])';
/** Any e-mail address, anyone's: the published texts need none. */
const ANY_EMAIL = /[^\s@<>"',;()[\]]+@[^\s@<>"',;()[\]]+\.[a-z]{2,}/giu;
/** Indonesian mobile numbers however written (0812…, +62 812…, 62-812-…). */
const ANY_MOBILE = /(?:\+62|(?<!\d)62|(?<!\d)0)[\s.-]?8(?:[\s.-]?\d){7,11}(?!\d)/gu;
/** A NIK-shaped run of 16 digits, with or without separators. */
const ANY_NIK = /(?<!\d)\d{2}(?:[\s.-]?\d){14}(?!\d)/gu;
const SEPARATOR = '[\\s.\\-()]*';

function escaped(text: string): string {
  return text.replace(ESCAPE, '\\$&');
}

/** The value with any run of spaces matching any run of spaces. */
function loosely(value: string): string {
  return value.trim().split(/\s+/).map(escaped).join('\\s+');
}

/** Digits with any separators between them (NIK 35.78.01…, phone 0812-3456-…). */
function digitsLoosely(digits: string): string {
  return `\\+?${digits.split('').join(SEPARATOR)}`;
}

/** The patterns for one request's fields, longest first so a whole value goes before its parts. */
export function personalPatterns(f: PersonalFields): RegExp[] {
  const sources: string[] = [];
  const add = (value: string | null | undefined, min = 3): void => {
    const v = value?.trim();
    if (v && v.length >= min) sources.push(loosely(v));
  };
  add(f.name, 2);
  add(f.registrationNo);
  add(f.email);
  add(f.address);
  add(f.nik);
  add(f.phone);
  for (const value of [f.nik, f.phone, f.registrationNo]) {
    const digits = (value ?? '').replace(/\D/g, '');
    if (digits.length >= 6) sources.push(digitsLoosely(digits));
    // A phone given as 0812… is also written +62 812… and the other way round.
    if (value === f.phone && digits.startsWith('0')) sources.push(digitsLoosely(`62${digits.slice(1)}`));
    if (value === f.phone && digits.startsWith('62')) sources.push(digitsLoosely(`0${digits.slice(2)}`));
  }
  // The street part of an address (the parts with a number: 'Jl. Melati No. 5', 'RT 02/RW 05').
  for (const part of (f.address ?? '').split(/[,\n;]+/)) {
    if (/\d/.test(part) && part.trim().length >= 4) sources.push(loosely(part));
  }
  const email = f.email?.trim() ?? '';
  const local = email.includes('@') ? email.slice(0, email.indexOf('@')) : '';
  if (local.length >= 4) sources.push(`${LETTER_OR_DIGIT_BEFORE}${escaped(local)}${LETTER_OR_DIGIT_AFTER}`);
  if (f.individual) {
    for (const word of f.name.split(/[\s,.'’-]+/)) {
      if (word.length >= 3) sources.push(`${LETTER_OR_DIGIT_BEFORE}${escaped(word)}${LETTER_OR_DIGIT_AFTER}`);
    }
  }
  return [...new Set(sources)].sort((a, b) => b.length - a.length).map((s) => new RegExp(s, 'giu'));
}

/** The text with the requester's fields, any e-mail, mobile number and NIK-shaped number replaced by REDACTED. */
export function redactPersonalData(text: string, f: PersonalFields): string {
  // Whole e-mail addresses first, so that a field's part (the name in the address) leaves no domain behind.
  let out = text.replace(ANY_EMAIL, REDACTED);
  for (const pattern of personalPatterns(f)) out = out.replace(pattern, REDACTED);
  out = out.replace(ANY_MOBILE, REDACTED).replace(ANY_NIK, REDACTED);
  // '[disamarkan] [disamarkan]' says no more than one.
  const twice = new RegExp(`${escaped(REDACTED)}(?:[\\s,.]*${escaped(REDACTED)})+`, 'gu');
  return out.replace(twice, REDACTED);
}

/** The values a published text must never contain (for checks and tests): each field as given. */
export function personalValues(f: PersonalFields): string[] {
  return [f.name, f.nik, f.registrationNo, f.email, f.phone, f.address].filter((v): v is string => typeof v === 'string' && v.trim().length > 0);
}
