/** The secrets module's public surface: other modules import only from here. */
export { rotateKeys } from './key-rotation';
