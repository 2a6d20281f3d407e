/**
 * The real n8n versions this project runs against. Each is pinned in `runtime/n8n-<version>/`
 * (package.json + package-lock.json, plus which Node runs it and how it installs) and installed on
 * first use into the cache folder (`cacheRoot()/n8n/<version>`, 2–3 GB each), where later runs and
 * other clones on the same machine find it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { cacheRoot, ensureNode24, node24 } from './node';

const ROOT = resolve(__dirname, '..', '..');
const PINS_DIR = join(ROOT, 'runtime');

interface PinManifest {
  dependencies: { n8n: string };
  venueConnectors: {
    /** The Node major n8n runs on: 20 (the one running this script) or 24 (from npm, see node.ts). */
    node: 20 | 24;
    /** Run the packages' install scripts (n8n 2.8.4: sqlite3 builds itself). Otherwise: `rebuild` only. */
    installScripts?: boolean;
    /** Native modules rebuilt after an install without scripts (n8n 2.41: some install scripts download from outside). */
    rebuild?: string[];
  };
}

export interface N8nRuntime {
  version: string;
  major: number;
  /** The pin: runtime/n8n-<version>. */
  pinDir: string;
  /** The install: <cache>/n8n/<version>. */
  dir: string;
  modules: string;
  /** n8n's CLI script (run it with `node`). */
  bin: string;
  /** The Node binary n8n runs on. */
  node: string;
  nodeMajor: number;
  /** `env` with the right Node first on PATH (n8n's task runner and npm re-spawn `node`). */
  env(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Every pinned n8n version, newest first. */
export function pinnedVersions(): string[] {
  return readdirSync(PINS_DIR)
    .filter((name) => /^n8n-\d+\.\d+\.\d+$/.test(name))
    .map((name) => name.slice(4))
    .sort((a, b) => compareVersions(b, a));
}

/** What `npm start` and the tests use unless told otherwise: the newest pinned 2.x. */
export function defaultVersion(): string {
  const newest = pinnedVersions().find((v) => v.startsWith('2.'));
  if (!newest) throw new Error('no n8n 2.x pinned under runtime/');
  return newest;
}

function readPin(version: string): PinManifest {
  const file = join(PINS_DIR, `n8n-${version}`, 'package.json');
  if (!existsSync(file)) throw new Error(`n8n ${version} is not pinned: choose one of ${pinnedVersions().join(', ')} (runtime/n8n-<version>/)`);
  return JSON.parse(readFileSync(file, 'utf8')) as PinManifest;
}

/** The runtime of a pinned version (installed or not; see `ensureN8n`). */
export function n8nRuntime(version = defaultVersion()): N8nRuntime {
  const pin = readPin(version);
  const dir = join(cacheRoot(), 'n8n', version);
  const modules = join(dir, 'node_modules');
  const wantsNode24 = pin.venueConnectors.node >= 24 && Number(process.versions.node.split('.')[0]) < 24;
  const nodeBin = wantsNode24 ? node24().bin : process.execPath;
  return {
    version,
    major: Number(version.split('.')[0]),
    pinDir: join(PINS_DIR, `n8n-${version}`),
    dir,
    modules,
    bin: join(modules, 'n8n', 'bin', 'n8n'),
    node: nodeBin,
    nodeMajor: wantsNode24 ? 24 : Number(process.versions.node.split('.')[0]),
    env: (env) => ({
      ...env,
      PATH: `${dirname(nodeBin)}${delimiter}${env.PATH ?? ''}`,
      ...(wantsNode24 ? { npm_config_nodedir: resolve(dirname(nodeBin), '..') } : {}),
    }),
  };
}

const MARKER = '.venue-connectors-installed';

function lockHash(runtime: N8nRuntime): string {
  return createHash('sha256').update(readFileSync(join(runtime.pinDir, 'package-lock.json'))).digest('hex');
}

/** Whether the cache holds a complete install of exactly the pinned lockfile (the marker is written last). */
export function isInstalled(runtime: N8nRuntime): boolean {
  if (!existsSync(join(runtime.pinDir, 'package-lock.json'))) return false;
  const marker = join(runtime.dir, MARKER);
  return existsSync(runtime.bin) && existsSync(runtime.node) && existsSync(marker) && readFileSync(marker, 'utf8') === lockHash(runtime);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('close', (code) => done(code ?? 1));
  });
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // npm_config_* of an enclosing `npm run` would redirect the nested npm (its prefix to this repository).
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !/^npm_/i.test(key)) env[key] = value;
  return { ...env, NODE_ENV: '' };
}

/**
 * Installs a pinned n8n into the cache when it is not there yet (several minutes: ~2,000 packages and
 * native modules compiled here), with a progress line every 15 s. Returns the runtime.
 */
export async function ensureN8n(version: string, log: (line: string) => void): Promise<N8nRuntime & { installMs: number }> {
  const runtime = n8nRuntime(version);
  if (runtime.node !== process.execPath) ensureNode24();
  if (isInstalled(runtime)) return { ...runtime, installMs: 0 };
  const pin = readPin(version).venueConnectors;
  log(`Installing n8n ${version} on Node ${runtime.nodeMajor} into ${runtime.dir} (first use on this machine; 2-3 GB, several minutes).`);
  const started = Date.now();
  mkdirSync(runtime.dir, { recursive: true });
  // A new pin has no lockfile yet: npm resolves one, and it is copied back into the pin to commit.
  const pinLock = join(runtime.pinDir, 'package-lock.json');
  const newPin = !existsSync(pinLock);
  copyFileSync(join(runtime.pinDir, 'package.json'), join(runtime.dir, 'package.json'));
  if (!newPin) copyFileSync(pinLock, join(runtime.dir, 'package-lock.json'));
  const ticker = setInterval(() => {
    let count = 0;
    try {
      for (const entry of readdirSync(runtime.modules)) count += entry.startsWith('@') ? readdirSync(join(runtime.modules, entry)).length : 1;
    } catch {
      /* not created yet */
    }
    log(`  ... installing n8n ${version}: ${Math.round((Date.now() - started) / 1000)} s, ${count} packages so far`);
  }, 15_000);
  try {
    const env = runtime.env(cleanEnv());
    const scripts = pin.installScripts ? '--ignore-scripts=false' : '--ignore-scripts';
    // `npm install` from the lockfile, not `npm ci`: the registry reachable here lacks other
    // platforms' optional binaries, which npm ci counts as missing.
    const code = await run('npm', ['install', '--no-audit', '--no-fund', scripts], runtime.dir, env);
    if (code !== 0) throw new Error(`npm install of n8n ${version} in ${runtime.dir} failed (exit ${code})`);
    const rebuild = (pin.rebuild ?? []).filter((name) => existsSync(join(runtime.modules, name)));
    if (rebuild.length) {
      const rebuilt = await run('npm', ['rebuild', '--ignore-scripts=false', ...rebuild], runtime.dir, env);
      if (rebuilt !== 0) throw new Error(`npm rebuild ${rebuild.join(' ')} for n8n ${version} failed (exit ${rebuilt})`);
    }
  } finally {
    clearInterval(ticker);
  }
  if (!existsSync(join(runtime.modules, 'sqlite3', 'build', 'Release', 'node_sqlite3.node'))) {
    throw new Error(`n8n ${version} installed but its SQLite binding was not built (${runtime.modules}/sqlite3)`);
  }
  if (newPin) {
    copyFileSync(join(runtime.dir, 'package-lock.json'), pinLock);
    log(`New pin: wrote ${pinLock} (commit it).`);
  }
  writeFileSync(join(runtime.dir, MARKER), lockHash(runtime));
  const installMs = Date.now() - started;
  log(`n8n ${version} installed in ${Math.round(installMs / 1000)} s.`);
  return { ...runtime, installMs };
}
