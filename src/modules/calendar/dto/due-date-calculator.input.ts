import { Matches, IsOptional } from 'class-validator';

/** The calculator on /kalender, as typed (a GET form: every value is text). */
export class DueDateCalculatorInput {
  @IsOptional()
  @Matches(/^\d{1,9}$/, { message: 'Pilih unit PPID dari daftar.' })
  unit?: string;

  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Tanggal diterima harus berupa tanggal yang valid.' })
  tanggal: string;

  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Jam diterima harus berformat JJ:MM, mis. 10:00.' })
  jam: string;

  @Matches(/^(?:[1-9]\d?|1\d\d|2[0-4]\d|250)$/, { message: 'Jumlah hari kerja harus bilangan bulat 1 sampai 250.' })
  hari: string;
}
