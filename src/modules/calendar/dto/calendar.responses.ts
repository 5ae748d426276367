import { ApiProperty } from '@nestjs/swagger';

export class DueDateResponse {
  @ApiProperty({ example: '2025-03-27T03:00:00.000Z' }) receivedAt: string;
  @ApiProperty({ example: '2025-03-27', description: 'Day 0 (local date of the unit)' }) effectiveReceiptDate: string;
  @ApiProperty({ example: '2025-04-22', description: 'Ends 23:59:59 local' }) dueDate: string;
  @ApiProperty({ description: 'True when a year in the period has no decreed holiday list yet' }) provisional: boolean;
  @ApiProperty({ description: 'How the due date was computed, in Bahasa Indonesia' }) explanation: string;
}

export class HolidayResponse {
  @ApiProperty({ example: '2025-03-31' }) date: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['libur_nasional', 'cuti_bersama', 'closure'] }) kind: string;
  @ApiProperty({ example: 'SKB 1017/2/2 Tahun 2024' }) source: string;
}
