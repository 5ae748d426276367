import { Module } from '@nestjs/common';
import { FieldCipher } from 'src/common/crypto/field-cipher';
import { FilesService } from './files.service';

@Module({ providers: [FilesService, FieldCipher], exports: [FilesService, FieldCipher] })
export class FilesModule {}
