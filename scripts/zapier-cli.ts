/**
 * zapier-platform-cli 19 (the CLI whose major matches zapier-platform-core 19), pinned by
 * `runtime/zapier-cli/` and installed once per machine into `cacheRoot()/zapier-cli-<version>`. It
 * refuses Node 20, so it always runs on the Node 24 of scripts/runtime/node.ts.
 *
 * Usage: tsx scripts/zapier-cli.ts <args...>   runs `zapier-platform <args...>` in the current folder
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, ensureNode24, node24Env } from './runtime/node';
import { installPin, pinnedVersion } from './runtime/pinned';

export function zapierCliVersion(): string {
  return pinnedVersion('zapier-cli', 'zapier-platform-cli');
}

export interface ZapierCli {
  version: string;
  /** The install folder; its node_modules also holds the CLI's own dependencies (adm-zip). */
  dir: string;
  /** The CLI's entry script, run with Node 24. */
  bin: string;
}

/**
 * No analytics and no update check: a build stays offline apart from its `npm install`. No NODE_ENV
 * either: under jest it is `test`, which sends oclif looking for TypeScript sources of the CLI.
 */
export function zapierCliEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { NODE_ENV: _ignored, ...rest } = node24Env(base);
  return { ...rest, DISABLE_ZAPIER_ANALYTICS: '1', NO_UPDATE_NOTIFIER: '1' };
}

/** Installs the pinned CLI into the cache when missing (with Node 24, as it will run). */
export function ensureZapierCli(): ZapierCli {
  const version = zapierCliVersion();
  const dir = join(cacheRoot(), `zapier-cli-${version}`);
  const bin = join(dir, 'node_modules', '.bin', 'zapier-platform');
  const installed = join(dir, 'node_modules', 'zapier-platform-cli', 'package.json');
  if (!existsSync(installed) || JSON.parse(readFileSync(installed, 'utf8')).version !== version) {
    const started = Date.now();
    process.stderr.write(`installing zapier-platform-cli ${version} into ${dir} (once per machine)\n`);
    installPin('zapier-cli', dir, { env: node24Env() });
    if (!existsSync(bin)) throw new Error(`installing zapier-platform-cli ${version} into ${dir} left no ${bin}`);
    process.stderr.write(`installed zapier-platform-cli ${version} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return { version, dir, bin };
}

/** Runs `zapier-platform <args>` in `cwd`; output goes to this process's. Returns the exit code. */
export function runZapierCli(args: string[], cwd: string): number {
  const cli = ensureZapierCli();
  const result = spawnSync(ensureNode24().bin, [cli.bin, ...args], { cwd, env: zapierCliEnv(), stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (require.main === module) process.exit(runZapierCli(process.argv.slice(2), process.cwd()));
