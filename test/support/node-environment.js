/**
 * Jest's Node environment, and one repair. Jest's test runner (jest-circus) makes a new
 * AsyncLocalStorage for every test file and never disables it; on Node 20 each enabled storage
 * stays on a process-wide list that every new promise walks, and keeps its test file's whole module
 * graph alive. In a worker that has run fifty files, each promise of the fifty-first pays for fifty
 * storages, and the heap holds fifty copies of the app. So every storage first used while a file
 * runs is disabled when that file is done.
 */
const { AsyncLocalStorage } = require('node:async_hooks');
const { TestEnvironment } = require('jest-environment-node');

const used = new Set();
for (const method of ['run', 'enterWith']) {
  const original = AsyncLocalStorage.prototype[method];
  AsyncLocalStorage.prototype[method] = function (...args) {
    used.add(this);
    return original.apply(this, args);
  };
}

class PortalTestEnvironment extends TestEnvironment {
  async setup() {
    this.storagesBefore = new Set(used);
    await super.setup();
  }

  async teardown() {
    for (const storage of used) {
      if (this.storagesBefore.has(storage)) continue;
      storage.disable();
      used.delete(storage);
    }
    await super.teardown();
  }
}

module.exports = PortalTestEnvironment;
