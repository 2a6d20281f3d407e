// Not part of the n8n package: the repository's own lint rules (scripts/lint/repo-config.mjs).
import { repoConfig } from '../scripts/lint/repo-config.mjs';

export default [
  ...repoConfig({ ignores: ['*/build/**', '*/node_modules/**'] }),
  // The integration checks read any app definition as plain data, whatever shape Zapier allows.
  { files: ['common/integration-checks.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
];
