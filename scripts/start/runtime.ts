import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Log, childEnv, formatMs, run } from './proc';
import { N8N_BIN, RUNTIME_DIR, pinnedN8nVersion } from './paths';

/**
 * Whether runtime/n8n holds a complete install of the pinned n8n: its package at the pinned
 * version, the SQLite binding built, and npm's hidden lockfile (written last by `npm install`, so
 * an interrupted install does not count).
 */
export function runtimeInstalled(): boolean {
  const modules = join(RUNTIME_DIR, 'node_modules');
  const manifest = join(modules, 'n8n', 'package.json');
  if (!existsSync(manifest) || !existsSync(N8N_BIN) || !existsSync(join(modules, '.package-lock.json'))) return false;
  if (!existsSync(join(modules, 'sqlite3', 'build', 'Release', 'node_sqlite3.node'))) return false;
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return version === pinnedN8nVersion();
}

/**
 * Installs runtime/n8n from its lockfile on first use (about 2.3 GB and several minutes: n8n has
 * ~2,000 dependencies and its SQLite binding is compiled here). Progress: npm's own output plus a
 * line every 15 s with the elapsed time and the number of packages unpacked so far.
 */
export async function ensureRuntime(log: Log): Promise<void> {
  if (runtimeInstalled()) return;
  const version = pinnedN8nVersion();
  log(`First run: installing n8n ${version} into runtime/n8n (from its lockfile; about 2.3 GB, several minutes).`);
  const started = Date.now();
  const modules = join(RUNTIME_DIR, 'node_modules');
  const ticker = setInterval(() => {
    let count = 0;
    try {
      for (const entry of readdirSync(modules)) count += entry.startsWith('@') ? readdirSync(join(modules, entry)).length : 1;
    } catch {
      /* not created yet */
    }
    log(`  ... installing n8n ${version}: ${formatMs(Date.now() - started)}, ${count} packages so far`);
  }, 15_000);
  try {
    // Install scripts run here (unlike the repository root): sqlite3 builds its binding with node-gyp.
    const result = await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts=false'], {
      cwd: RUNTIME_DIR,
      env: childEnv({ NODE_ENV: '' }),
      inherit: true,
    });
    if (result.code !== 0) throw new Error(`npm install in runtime/n8n failed (exit ${result.code}); run it there by hand to see why`);
  } finally {
    clearInterval(ticker);
  }
  if (!runtimeInstalled()) throw new Error('npm install in runtime/n8n finished but n8n or its SQLite binding is missing');
  log(`n8n ${version} installed in ${formatMs(Date.now() - started)}.`);
}
