import { PpidUnit } from './ppid-unit.entity';
import { serviceHoursFrom, summarizeServiceHours } from './service-hours';

/** What a letter of a unit prints about its office and its signer. */
export interface LetterDetails {
  /** Lines under the unit name in the letterhead: address, telephone · e-mail, website (each on its own line, so none wraps). */
  kopLines: string[];
  /** 'Senin–Kamis 08.00–15.00; Jumat 08.00–11.00', or null when the body has not set its hours. */
  serviceHoursText: string | null;
  /** Null until an admin sets the unit's signer. */
  signer: { name: string; position: string; nip: string } | null;
  /**
   * To whom and where objections go (Pasal 35–36): the body's atasan PPID as set by an admin, else
   * "atasan PPID <body>" at the body's office; address null when the body has none yet.
   */
  objectionOffice: { name: string; address: string | null };
}

/** The unit's own address, telephone and e-mail where set, else the body's; the body's website and hours. */
export function letterDetailsOf(unit: Pick<PpidUnit, 'address' | 'phone' | 'email' | 'signerName' | 'signerPosition' | 'signerNip'> & {
  body: Pick<PpidUnit['body'], 'name' | 'address' | 'phone' | 'email' | 'website' | 'serviceHours' | 'atasanName' | 'atasanPosition' | 'atasanAddress'>;
}): LetterDetails {
  const address = unit.address ?? unit.body.address;
  const phone = unit.phone ?? unit.body.phone;
  const email = unit.email ?? unit.body.email;
  const contact = [phone && `Telepon ${phone}`, email && `E-mail ${email}`].filter(Boolean) as string[];
  const website = unit.body.website ? `Laman ${unit.body.website.replace(/^https?:\/\//i, '').replace(/\/$/, '')}` : null;
  const hours = serviceHoursFrom(unit.body.serviceHours);
  const signer =
    unit.signerName && unit.signerPosition && unit.signerNip ? { name: unit.signerName, position: unit.signerPosition, nip: unit.signerNip } : null;
  const b = unit.body;
  const atasan = b.atasanName ? [b.atasanName, b.atasanPosition].filter(Boolean).join(', ') : `atasan PPID ${b.name}${b.atasanPosition ? ` (${b.atasanPosition})` : ''}`;
  return {
    kopLines: [address, contact.join(' · '), website].filter((line): line is string => Boolean(line)),
    serviceHoursText: hours ? summarizeServiceHours(hours) || null : null,
    signer,
    objectionOffice: { name: atasan, address: b.atasanAddress ?? b.address },
  };
}
