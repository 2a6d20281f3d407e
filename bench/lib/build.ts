import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const ZAPIER_APPS = ['nectifi', 'splash', 'smartwifi', 'anykrowd'] as const;

/** The n8n entry points package.json's `n8n` attribute lists (nodes first, then credentials). */
export function n8nEntries(): { nodes: string[]; credentials: string[] } {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return { nodes: pkg.n8n.nodes, credentials: pkg.n8n.credentials };
}

export const zapierBuild = (app: string) => join(ROOT, 'zapier', app, 'build', 'index.js');

/** Builds dist/ and the Zapier apps only when something is missing (other work may be using them). */
export function ensureBuilt(log: (line: string) => void): void {
  const { nodes, credentials } = n8nEntries();
  if ([...nodes, ...credentials].some((e) => !existsSync(join(ROOT, e)))) {
    log('  dist/ is missing entries: npm run build');
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (ZAPIER_APPS.some((app) => !existsSync(zapierBuild(app)))) {
    log('  a Zapier build is missing: npm run build:zapier');
    execFileSync('npm', ['run', '-s', 'build:zapier'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
