/** The objections module's public surface: other modules and the app import only from here. */
export { ObjectionsModule } from './objections.module';
export { ObjectionsService } from './objections.service';
