// Not part of the n8n package: the repository's own lint rules (scripts/lint/repo-config.mjs).
import { repoConfig } from './lint/repo-config.mjs';

export default [
  ...repoConfig({ requireAllowed: true }),
  // Reads the built Zapier apps as plain data for the integration checks.
  { files: ['zapier-checks.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
];
