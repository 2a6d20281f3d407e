import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (scripts/start/ is two levels down). */
export const ROOT = resolve(__dirname, '..', '..');
/** The pinned real n8n (runtime/n8n/package.json + its lockfile), installed on first use. */
export const RUNTIME_DIR = join(ROOT, 'runtime', 'n8n');
export const N8N_BIN = join(RUNTIME_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
/** The project-local n8n user folder of `npm start` (gitignored). n8n keeps its data in `<it>/.n8n`. */
export const DEFAULT_DATA_DIR = join(ROOT, '.n8n-demo');
export const WORKFLOWS_DIR = join(ROOT, 'demo', 'workflows');

interface RootManifest {
  name: string;
  version: string;
  n8n: { nodes: string[]; credentials: string[] };
}

export const ROOT_MANIFEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as RootManifest;
export const PACKAGE_NAME = ROOT_MANIFEST.name;

/** The n8n version runtime/n8n pins. */
export function pinnedN8nVersion(): string {
  const manifest = JSON.parse(readFileSync(join(RUNTIME_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  return manifest.dependencies.n8n;
}
