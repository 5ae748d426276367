/**
 * Babel plugin for Jest: ES modules that build their own `require` with
 * `const require = createRequire(import.meta.url)` clash with CommonJS's `require` once
 * compiled to CommonJS; there the module's own `require` already does the job, so drop it.
 */
module.exports = function dropCreateRequire() {
  return {
    visitor: {
      VariableDeclarator(path) {
        const { id, init } = path.node;
        if (
          id.type === 'Identifier' &&
          id.name === 'require' &&
          init &&
          init.type === 'CallExpression' &&
          init.callee.type === 'Identifier' &&
          init.callee.name === 'createRequire'
        ) {
          path.remove();
        }
      },
    },
  };
};
