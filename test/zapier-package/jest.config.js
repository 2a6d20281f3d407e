/**
 * The Zapier apps as Zapier receives them (npm run test:zapier-package): the global setup packages
 * each app with zapier-platform-cli 19 (`zapier/<app>/build.zip`), the tests unzip each zip into an
 * empty folder and run the unzipped app with the zip's own zapier-platform-core. Kept out of the
 * default jest run (`*.e2e.ts`): the first run installs Node 24 and the CLI, each build runs npm.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/zapier-package'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60 * 1000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/test/zapier-package/global-setup.ts',
};
