import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FieldCipher } from 'src/common/crypto/field-cipher';
import { FilesRepository } from './files.repository';
import { FilesService } from './files.service';
import { StoredFile } from './stored-file.entity';

/** Files kept in the database (table stored_files, read and written only by FilesRepository). */
@Module({
  imports: [TypeOrmModule.forFeature([StoredFile])],
  providers: [FilesRepository, FilesService, FieldCipher],
  exports: [FilesService, FieldCipher],
})
export class FilesModule {}
