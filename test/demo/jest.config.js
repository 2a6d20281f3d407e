/**
 * The demo's end-to-end tests (npm run test:demo): a real n8n, the n8n CLI and headless Chromium.
 * Slow (the first run installs the default n8n into the cache and, as root, Debian's chromium), so kept out of the
 * default jest run (`*.e2e.ts`, not `*.test.ts`).
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/demo'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 20 * 60 * 1000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/test/demo/global-setup.ts',
};
