import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (scripts/start/ is two levels down). */
export const ROOT = resolve(__dirname, '..', '..');
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
