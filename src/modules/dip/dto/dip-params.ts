import { PipeTransform } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { NotFound } from 'src/common/errors/domain-error';
import { trimmed } from 'src/common/forms/fields';
import { MAX_INT4, OptionalWholeNumber } from 'src/common/validation/whole-number';
import { DIP_CATEGORIES, DipCategory } from '../dip-categories';

/** A body's code in an address: '3578', '35.78', '35'. */
export const BODY_CODE = /^\d{2}(\.?\d{2})?$/;

/** An item or attachment id in a route: digits within an integer column's range, else 404 like an unknown one. */
export class DipIdPipe implements PipeTransform<unknown, number> {
  constructor(private readonly message = 'Informasi tidak ditemukan.') {}

  transform(value: unknown): number {
    // The global ValidationPipe may already have turned the digits into a number.
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text === 'string' && /^[1-9]\d{0,9}$/.test(text) && Number(text) <= MAX_INT4) return Number(text);
    throw new NotFound(this.message);
  }
}

export class BodyCodePipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value === 'string' && BODY_CODE.test(value)) return value;
    throw new NotFound('Badan publik tidak ditemukan.');
  }
}

const emptyAsAbsent = ({ value }: { value: unknown }) => {
  const v = trimmed(value);
  return v === '' ? undefined : v;
};

/** /dip/<code>?kategori=&unit= and its downloads. */
export class DipPageQuery {
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(DIP_CATEGORIES, { message: 'Kategori tidak dikenal: pilih berkala, serta merta, tersedia setiap saat atau dikecualikan.' })
  kategori?: DipCategory;

  @OptionalWholeNumber(1, MAX_INT4, 'Pilih unit dari daftar.')
  unit?: number;
}

/** GET /api/v1/dip/<code>?category=&unitId= */
export class DipApiQuery {
  @ApiPropertyOptional({ enum: DIP_CATEGORIES })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(DIP_CATEGORIES, { message: 'category: berkala, serta_merta, setiap_saat atau dikecualikan.' })
  category?: DipCategory;

  @ApiPropertyOptional({ description: 'Only the items of this PPID unit of the body' })
  @OptionalWholeNumber(1, MAX_INT4, 'unitId harus berupa bilangan bulat positif.')
  unitId?: number;
}

/** /petugas/dip?unit=&kategori=&ditarik=ya */
export class DipDeskQuery extends DipPageQuery {
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(['ya'], { message: 'Pilihan tidak dikenal.' })
  ditarik?: 'ya';

  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(['tersimpan', 'ditambahkan', 'ditarik', 'diperbarui', 'berkas-dihapus'], { message: 'Pilihan tidak dikenal.' })
  selesai?: string;
}
