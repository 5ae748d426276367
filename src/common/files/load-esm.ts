/**
 * Loads an ES-module-only package from this CommonJS build. A plain `import()` would be
 * compiled to `require()`; Node 20.19+ loads ES modules through require() as well.
 */
export function loadEsm<T>(name: string): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Promise.resolve(require(name) as T);
}
