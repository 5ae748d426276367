import { BooleanField, TextField, WholeNumberField } from 'src/common/forms/fields';
import { MAX_INT4 } from 'src/common/validation/whole-number';

const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[a-z]{2,}$/i;

/** POST /api/v1/consultations and the public consultation form. */
export class AskConsultationDto {
  @WholeNumberField({ label: 'Unit PPID tujuan', min: 1, max: MAX_INT4, message: 'Pilih badan publik dan unit PPID tujuan konsultasi.', description: 'The PPID unit asked (GET /api/v1/bodies)' })
  unitId: number;

  @TextField({ label: 'Nama', max: 150, description: 'The asker’s name (stored encrypted, never public)', example: 'Dyah Ayu' })
  name: string;

  @TextField({
    label: 'Alamat e-mail',
    max: 254,
    normalize: (t) => t.toLowerCase(),
    pattern: { regex: EMAIL, message: 'Alamat e-mail tidak valid, mis. nama@contoh.id.' },
    description: 'Where the number, the tracking link and the answer are sent (stored encrypted, never public)',
    example: 'dyah@contoh.id',
  })
  email: string;

  @TextField({ label: 'Pertanyaan', min: 10, max: 3000, description: 'The question to the PPID', example: 'Ke mana saya meminta data jumlah guru honorer per kecamatan?' })
  question: string;

  @BooleanField({
    label: 'Persetujuan FAQ',
    message: 'Persetujuan FAQ harus ya atau tidak.',
    required: false,
    description: 'The asker agrees that question and answer may be published as a FAQ entry, without name or e-mail',
  })
  faqConsent?: boolean;
}

/** POST /api/v1/consultations/<id>/answer and the officer's answer form. */
export class AnswerConsultationDto {
  @TextField({ label: 'Jawaban', min: 10, max: 5000, description: 'The PPID’s answer, mailed to the asker and shown on the tracking page' })
  answer: string;
}

/** POST /api/v1/consultations/<id>/faq and the officer's FAQ form. */
export class PublishFaqDto {
  @TextField({
    label: 'Pertanyaan yang diterbitkan',
    min: 10,
    max: 3000,
    required: false,
    description: 'The question as published, with anything that identifies the asker taken out; the asker’s own words when absent',
  })
  question?: string;
}
