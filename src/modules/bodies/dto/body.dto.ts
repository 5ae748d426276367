import { ApiProperty } from '@nestjs/swagger';

export class UnitDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['utama', 'pelaksana'] }) level: string;
}

export class BodyDto {
  @ApiProperty({ example: '35.78' }) code: string;
  @ApiProperty({ example: 'Pemerintah Kota Surabaya' }) name: string;
  @ApiProperty({ example: 'Kota Surabaya', description: 'Name of the region (province, kabupaten or kota)' }) regionName: string;
  @ApiProperty({ enum: ['provinsi', 'kabupaten', 'kota'] }) kind: string;
  @ApiProperty({ type: [UnitDto] }) units: UnitDto[];
}
