/**
 * Lint of the n8n community package: @n8n/node-cli's own config (the rules `npx n8n-node lint`
 * applies), limited to the code that n8n loads. The rest of the repository (Zapier apps, tests,
 * sandbox, scripts) is not part of the n8n package and is checked by `tsc` only.
 */
import { config as n8nNodeConfig } from '@n8n/node-cli/eslint';

const N8N_PACKAGE_FILES = [
  'nodes/**/*.ts',
  'credentials/**/*.ts',
  'shared/http/n8n-transport.ts',
];

export default [
  { ignores: ['dist/**', 'node_modules/**', 'runtime/**', 'test-output/**', '.n8n-demo/**'] },
  ...n8nNodeConfig.map((entry) =>
    entry.files?.includes('**/*.ts') ? { ...entry, files: N8N_PACKAGE_FILES } : entry,
  ),
];
