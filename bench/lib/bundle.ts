import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a TypeScript entry into one CommonJS file in a temp dir, so that a child process runs it
 * with plain `node`: no TypeScript loader in the measured process (the shipped code is bundled too).
 */
export async function bundle(entry: string): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'venue-bench-')), 'child.js');
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  return outfile;
}
