import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shape of POST /api/v1/requests; the rules themselves are in parseRequestSubmission. */
export class RequesterDto {
  @ApiProperty({ enum: ['individual', 'organization', 'group'] }) type: string;
  @ApiProperty({ example: 'Dyah Ayu Pitaloka' }) name: string;
  @ApiPropertyOptional({ example: '3578015503900001', description: 'Required unless type is organization' }) nik?: string;
  @ApiPropertyOptional({ description: 'Legal registration number (organization only)' }) registrationNo?: string;
  @ApiProperty() address: string;
  @ApiProperty({ example: '081234567890' }) phone: string;
  @ApiProperty({ example: 'dyah@contoh.id' }) email: string;
  @ApiProperty({ example: 'Wiraswasta' }) occupation: string;
}

export class CreateRequestDto {
  @ApiProperty() unitId: number;
  @ApiProperty({ type: RequesterDto }) requester: RequesterDto;
  @ApiProperty({ description: 'Rincian informasi yang dibutuhkan' }) information: string;
  @ApiProperty({ description: 'Tujuan penggunaan informasi' }) purpose: string;
  @ApiProperty({ enum: ['view', 'read', 'listen', 'note', 'copy_soft', 'copy_hard'] }) obtainMethod: string;
  @ApiPropertyOptional({ enum: ['pickup', 'courier', 'post', 'fax', 'email'], description: 'Required for copies' })
  copyDelivery?: string;
}

export class CreatedRequestDto {
  @ApiProperty({ example: '3578-U-2026-00001' }) registrationNumber: string;
  @ApiProperty({ example: 'ABCDEFGHJKMN', description: 'Shown once; needed to follow the request' }) trackingCode: string;
  @ApiProperty({ example: 'received' }) status: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ example: '2026-11-30' }) effectiveReceiptDate: string;
  @ApiProperty({ example: '2026-12-14' }) dueDate: string;
}
