import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { toWholeNumber, MAX_INT4, OptionalWholeNumber } from 'src/common/validation/whole-number';

/** /petugas/laporan-tahunan?badan=&tahun= */
export class ReportPageQuery {
  @OptionalWholeNumber(1, MAX_INT4, 'Pilih badan publik dari daftar.')
  badan?: number;

  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : toWholeNumber(value)))
  @IsOptional()
  @IsInt({ message: 'Tahun harus berupa bilangan bulat, mis. 2026.' })
  @Min(2008, { message: 'Tahun paling awal 2008 (UU 14/2008).' })
  @Max(2200, { message: 'Tahun tidak valid.' })
  tahun?: number;
}
