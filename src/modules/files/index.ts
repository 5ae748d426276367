/** The files module's public surface: other modules import only from here. */
export { FilesModule } from './files.module';
export { FilesRepository } from './files.repository';
export { FilesService } from './files.service';
