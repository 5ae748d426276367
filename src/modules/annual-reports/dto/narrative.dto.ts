import { TextField } from 'src/common/forms/fields';

/** The narrative sections of the annual report the PPID writes; each may stay empty until publication. */
export class NarrativeDto {
  @TextField({ label: 'Kebijakan layanan informasi', max: 10000, required: false })
  policy?: string;

  @TextField({ label: 'Sumber daya (petugas, sarana, anggaran)', max: 10000, required: false })
  resources?: string;

  @TextField({ label: 'Kendala', max: 10000, required: false })
  obstacles?: string;

  @TextField({ label: 'Rekomendasi dan rencana tindak lanjut', max: 10000, required: false })
  recommendations?: string;
}

/** What a report needs before it is published: every section written. */
export class PublishableNarrativeDto {
  @TextField({ label: 'Kebijakan layanan informasi', min: 20, max: 10000 })
  policy: string;

  @TextField({ label: 'Sumber daya (petugas, sarana, anggaran)', min: 20, max: 10000 })
  resources: string;

  @TextField({ label: 'Kendala', min: 10, max: 10000 })
  obstacles: string;

  @TextField({ label: 'Rekomendasi dan rencana tindak lanjut', min: 10, max: 10000 })
  recommendations: string;
}
