/**
 * ESLint config of the code that is not the n8n package: shared/ (bundled into it but platform-free,
 * so n8n's node rules such as "throw NodeApiError" do not apply there; `npm run scan:n8n` checks
 * what ships), zapier/, test/, scripts/, bench/. Each of those folders has an eslint.config.mjs
 * built from this file. ESLint uses the config nearest to each file (`unstable_config_lookup_from_file`,
 * ESLint 10's default), so nodes/ and credentials/ keep n8n's stock config, the root eslint.config.mjs.
 */
import { createRequire } from 'node:module';
import js from '@eslint/js';

// typescript-eslint as @n8n/node-cli pins it (the version n8n's own lint runs).
const tseslint = createRequire(import.meta.resolve('@n8n/node-cli/eslint'))('typescript-eslint');

const NODE_GLOBALS = Object.fromEntries(
  ['process', 'console', 'require', 'module', 'exports', '__dirname', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Buffer', 'URL'].map(
    (name) => [name, 'readonly'],
  ),
);

const CLASSIC_ZOD = ['zod', 'zod/v3', 'zod/v4', 'zod/v4/classic'];
const ZOD_MESSAGE = "build schemas with `import * as z from '<path>/shared/core/zod'`: zod mini, with zod's English messages loaded";

/**
 * @param {{ anyAllowed?: boolean, requireAllowed?: boolean, ignores?: string[] }} options
 *   anyAllowed: test doubles stand in for platform objects (`any`);
 *   requireAllowed: harnesses and scripts load built files and apps at run time (`require`);
 *   ignores: generated files in the folder (gitignored build output), relative to it.
 */
export function repoConfig({ anyAllowed = false, requireAllowed = false, ignores = [] } = {}) {
  return tseslint.config(
    { ignores },
    {
      files: ['**/*.ts'],
      extends: [js.configs.recommended, tseslint.configs.recommended],
      rules: {
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
        // zod classic keeps all of itself in a bundle (some 395 KB, 5 MB of memory at load).
        'no-restricted-imports': ['error', { paths: CLASSIC_ZOD.map((name) => ({ name, message: ZOD_MESSAGE })) }],
        ...(anyAllowed ? { '@typescript-eslint/no-explicit-any': 'off' } : {}),
        ...(requireAllowed ? { '@typescript-eslint/no-require-imports': 'off' } : {}),
      },
    },
    {
      files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
      extends: [js.configs.recommended],
      languageOptions: { globals: NODE_GLOBALS },
    },
  );
}
