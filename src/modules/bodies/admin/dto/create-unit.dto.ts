import { isEmail, ValidateBy } from 'class-validator';
import { ChoiceField, TextField, WholeNumberField } from 'src/common/forms/fields';
import { INDONESIAN_TIME_ZONES } from 'src/common/time/local-time';
import { MAX_INT4 } from 'src/common/validation/whole-number';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Service closes after it opens; checked only once both are well-formed times (their own messages come first). */
function ClosesAfterOpening(): PropertyDecorator {
  return ValidateBy({
    name: 'closesAfterOpening',
    validator: {
      validate: (closesAt: unknown, args) => {
        const opensAt = (args?.object as { opensAt?: unknown }).opensAt;
        if (typeof opensAt !== 'string' || typeof closesAt !== 'string' || !TIME.test(opensAt) || !TIME.test(closesAt)) return true;
        return closesAt > opensAt;
      },
      defaultMessage: () => 'Jam layanan ditutup harus setelah jam dibuka.',
    },
  });
}

/** The form of /admin/unit: a PPID Pelaksana under a body's PPID Utama. */
export class CreateUnitDto {
  @WholeNumberField({ label: 'Badan publik', min: 1, max: MAX_INT4, message: 'Pilih badan publik.' })
  bodyId: number;

  @TextField({ label: 'Nama unit', max: 150, normalize: (t) => t.replace(/\s+/g, ' ') })
  name: string;

  @TextField({
    label: 'Kode unit',
    // Longer than a code may be, so that a long one hears what a code looks like.
    max: 40,
    normalize: (t) => t.toUpperCase(),
    pattern: { regex: /^[A-Z0-9]{1,8}$/, message: 'Kode unit terdiri atas 1–8 huruf kapital atau angka, mis. KOMINFO atau DINKES.' },
  })
  code: string;

  @TextField({
    label: 'E-mail unit',
    max: 254,
    required: false,
    normalize: (t) => t.toLowerCase(),
    pattern: { test: (t) => isEmail(t), message: 'Masukkan alamat e-mail unit yang valid.' },
  })
  email?: string;

  @ChoiceField({ label: 'Zona waktu', values: INDONESIAN_TIME_ZONES, message: 'Pilih zona waktu: WIB, WITA, atau WIT.' })
  timeZone: string;

  @TextField({ label: 'Jam layanan dibuka', max: 5, pattern: { regex: TIME, message: 'Isi jam layanan dibuka dalam format JJ:MM, mis. 08:00.' } })
  opensAt: string;

  @TextField({ label: 'Jam layanan ditutup', max: 5, pattern: { regex: TIME, message: 'Isi jam layanan ditutup dalam format JJ:MM, mis. 16:00.' } })
  @ClosesAfterOpening()
  closesAt: string;
}
