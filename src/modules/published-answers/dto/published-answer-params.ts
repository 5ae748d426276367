import { PipeTransform } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { NotFound } from 'src/common/errors/domain-error';
import { TextField, trimmed } from 'src/common/forms/fields';
import { OptionalWholeNumber } from 'src/common/validation/whole-number';

/** An answer or document id in a route: digits within a bigint's everyday range, else 404 like an unknown one. */
export class AnswerIdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly message = 'Jawaban tidak ditemukan atau tidak lagi dipublikasikan.') {}

  transform(value: unknown): string {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text === 'string' && /^[1-9]\d{0,14}$/.test(text)) return text;
    throw new NotFound(this.message);
  }
}

const emptyAsAbsent = ({ value }: { value: unknown }) => {
  const v = trimmed(value);
  return v === '' ? undefined : v;
};

/** The last page anyone needs; beyond it a page number is a mistake, not a request. */
export const MAX_PAGE = 10_000;

/** GET /api/v1/published-answers?body=&year=&page= */
export class PublishedAnswersQuery {
  @ApiPropertyOptional({ example: '35.78', description: "The body's region code, '35.78' or '3578'" })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @Matches(/^\d{2}(\.?\d{2})?$/, { message: 'Kode badan publik tidak valid, mis. 35.78.' })
  body?: string;

  @ApiPropertyOptional({ example: 2026, description: 'Year of the decision' })
  @OptionalWholeNumber(2008, 2100, 'Tahun harus berupa angka tahun, mis. 2026.')
  year?: number;

  @ApiPropertyOptional({ example: 1, description: 'Page, from 1 (20 answers a page)' })
  @OptionalWholeNumber(1, MAX_PAGE, `Halaman harus bilangan bulat 1 sampai ${MAX_PAGE}.`)
  page?: number;
}

/** /jawaban?badan=&tahun=&halaman= (the page's own words for the same filter). */
export class PublishedAnswersPageQuery {
  @Transform(emptyAsAbsent)
  @IsOptional()
  @Matches(/^\d{2}(\.?\d{2})?$/, { message: 'Pilih badan publik dari daftar.' })
  badan?: string;

  @OptionalWholeNumber(2008, 2100, 'Pilih tahun dari daftar.')
  tahun?: number;

  @OptionalWholeNumber(1, MAX_PAGE, 'Halaman tidak dikenal.')
  halaman?: number;
}

/** Withholding a document or withdrawing an answer: the reason, kept on the history. */
export class PublicationReasonDto {
  @TextField({ label: 'Alasan', min: 5, max: 1000, example: 'Lampiran memuat tanda tangan dan alamat pihak ketiga.' })
  reason: string;
}
