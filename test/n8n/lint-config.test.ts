import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// `n8n-node lint` in strict mode refuses an eslint.config.mjs that differs from its template
// (whitespace aside); the folders that are not the n8n package carry their own config.
const ROOT = join(__dirname, '..', '..');
const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();

test("the root eslint.config.mjs is @n8n/node-cli's stock config, so n8n-node lint's strict mode accepts it", () => {
  const nodeCli = join(ROOT, 'node_modules', '@n8n', 'node-cli');
  const template = readFileSync(join(nodeCli, 'dist', 'template', 'templates', 'shared', 'default', 'eslint.config.mjs'), 'utf8');
  expect(normalized(readFileSync(join(ROOT, 'eslint.config.mjs'), 'utf8'))).toBe(normalized(template));
});

test('every top-level folder outside the n8n package has its own lint config; nodes/ and credentials/ have none', () => {
  for (const folder of ['shared', 'zapier', 'test', 'scripts', 'bench']) expect([folder, existsSync(join(ROOT, folder, 'eslint.config.mjs'))]).toEqual([folder, true]);
  for (const folder of ['nodes', 'credentials']) expect([folder, existsSync(join(ROOT, folder, 'eslint.config.mjs'))]).toEqual([folder, false]);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.scripts.lint).toContain('ESLINT_FLAGS=unstable_config_lookup_from_file');
});
