/**
 * n8n's verification scan, run locally as n8n runs it on a published package: packs the built
 * package (`npm pack`, what `npm publish` uploads), unpacks the tarball, and runs the scanner's
 * analysis on the checkout and on the tarball (analyze.mjs). The scanner (pinned in
 * runtime/n8n-scanner) is installed once per machine into the cache folder; it runs on Node 24.
 *
 * Usage: npm run -s scan:n8n      builds dist/ first; exits 1 when either leg reports an error
 *        tsx scripts/n8n-scan/scan.ts   the scan of the dist/ already built (as `npm test` runs it)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cacheRoot, ensureNode24 } from '../runtime/node';
import { installPin, pinnedVersion } from '../runtime/pinned';

const ROOT = resolve(__dirname, '..', '..');
const SCANNER = '@n8n/scan-community-package';
const started = Date.now();
const log = (line: string) => process.stdout.write(`[scan:n8n ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

/** Installs the pinned scanner into the cache when missing; returns its package folder. */
export function ensureScanner(): string {
  const version = pinnedVersion('n8n-scanner', SCANNER);
  const dir = join(cacheRoot(), `n8n-scanner-${version}`);
  const home = join(dir, 'node_modules', ...SCANNER.split('/'));
  if (!existsSync(join(home, 'scanner', 'scanner.mjs'))) {
    log(`installing ${SCANNER}@${version} into ${dir}`);
    installPin('n8n-scanner', dir, { args: ['ci', '--no-audit', '--no-fund', '--ignore-scripts'] });
  }
  return home;
}

function packAndUnpack(work: string): string {
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' })) as Array<{ filename: string }>;
  const unpacked = join(work, 'package');
  mkdirSync(unpacked);
  execFileSync('tar', ['-xzf', join(work, filename), '-C', unpacked, '--strip-components=1']);
  return unpacked;
}

function main(): void {
  const scanner = ensureScanner();
  const node = ensureNode24().bin;
  if (!existsSync(join(ROOT, 'dist', 'nodes', 'common', 'index.js'))) throw new Error('dist/ is not built: run npm run build first');
  const work = mkdtempSync(join(tmpdir(), 'vc-scan-'));
  try {
    const unpacked = packAndUnpack(work);
    log('packed and unpacked the tarball; analysing both legs on Node 24');
    // eslint-plugin-n8n-nodes-base switches to fixture file names when NODE_ENV is "test" (as under jest).
    const { NODE_ENV: _testMode, ...env } = process.env;
    // The scanner makes a temporary folder when loaded and leaves it: inside `work`, it goes with it.
    const result = spawnSync(node, [join(__dirname, 'analyze.mjs'), scanner, ROOT, unpacked], { stdio: 'inherit', env: { ...env, TMPDIR: work } });
    log(result.status === 0 ? 'n8n scan: 0 errors on both legs' : 'n8n scan: FAILED (see above)');
    process.exitCode = result.status ?? 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) main();
