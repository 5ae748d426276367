// The package's contrib extensions are reachable through its `exports` only, which this project's
// module resolution ("node") does not read; Node and Jest resolve them at run time.
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  import type { Extension } from '@electric-sql/pglite';

  export const pg_trgm: Extension;
}

declare module '@electric-sql/pglite/contrib/btree_gin' {
  import type { Extension } from '@electric-sql/pglite';

  export const btree_gin: Extension;
}
