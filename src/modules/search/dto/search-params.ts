import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { trimmed } from 'src/common/forms/fields';
import { OptionalWholeNumber } from 'src/common/validation/whole-number';
import { SEARCH_CATEGORIES, SearchCategory } from '../search-categories';
import { MAX_QUERY_LENGTH, MAX_SUGGESTION_TEXT } from '../search-terms';

/** A body's code as in addresses and the API: '35.78', '3578', '35'. */
const BODY_CODE = /^\d{2}(\.?\d{2})?$/;

/** The years a search may ask for. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const emptyAsAbsent = ({ value }: { value: unknown }) => {
  const v = trimmed(value);
  return v === '' ? undefined : v;
};

const CATEGORY_API_MESSAGE = 'category: berkala, serta_merta, setiap_saat, dikecualikan atau jawaban.';

/** GET /api/v1/dip?q=&body=&category=&year=&limit= */
export class SearchApiQuery {
  @ApiPropertyOptional({ description: 'Words to look for (full-text search in Indonesian: word forms such as "penganggaran" find "anggaran"; "quoted phrase", -word, or)', maxLength: MAX_QUERY_LENGTH })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsString({ message: 'q harus berupa satu teks pencarian.' })
  @MaxLength(MAX_QUERY_LENGTH, { message: `q paling banyak ${MAX_QUERY_LENGTH} karakter.` })
  q?: string;

  @ApiPropertyOptional({ description: "The body's region code, e.g. 35.78 (3578 is also accepted)", example: '35.78' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsString({ message: 'body: kode badan publik seperti 35.78.' })
  @Matches(BODY_CODE, { message: 'body: kode badan publik seperti 35.78.' })
  body?: string;

  @ApiPropertyOptional({ enum: SEARCH_CATEGORIES, description: '`jawaban`: published answers to requests' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(SEARCH_CATEGORIES, { message: CATEGORY_API_MESSAGE })
  category?: SearchCategory;

  @ApiPropertyOptional({ description: 'Year of the information: a DIP item\'s last update (else the day it was listed), an answer\'s decision', example: 2025 })
  @OptionalWholeNumber(FIRST_YEAR, LAST_YEAR, `year: tahun empat angka antara ${FIRST_YEAR} dan ${LAST_YEAR}, mis. 2025.`)
  year?: number;

  @ApiPropertyOptional({ description: 'How many items at most (default 50)', minimum: 1, maximum: 100 })
  @OptionalWholeNumber(1, 100, 'limit: bilangan bulat 1 sampai 100.')
  limit?: number;
}

/** /cari?q=&badan=&kategori=&tahun= */
export class SearchPageQuery {
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsString({ message: 'Isi satu kata kunci pencarian.' })
  @MaxLength(MAX_QUERY_LENGTH, { message: `Kata kunci paling banyak ${MAX_QUERY_LENGTH} karakter.` })
  q?: string;

  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsString({ message: 'Pilih badan publik dari daftar.' })
  @Matches(BODY_CODE, { message: 'Pilih badan publik dari daftar.' })
  badan?: string;

  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(SEARCH_CATEGORIES, { message: 'Pilih kategori dari daftar.' })
  kategori?: SearchCategory;

  @OptionalWholeNumber(FIRST_YEAR, LAST_YEAR, `Tahun: empat angka antara ${FIRST_YEAR} dan ${LAST_YEAR}, mis. 2025.`)
  tahun?: number;
}

/** /cari/saran?teks=&badan= (the request form's suggestions) */
export class SuggestionQuery {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.slice(-MAX_SUGGESTION_TEXT) : value))
  @IsOptional()
  @IsString({ message: 'teks harus berupa teks.' })
  teks?: string;

  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsString({ message: 'Pilih badan publik dari daftar.' })
  @Matches(BODY_CODE, { message: 'Pilih badan publik dari daftar.' })
  badan?: string;
}
