import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `runtime/<name>`: the package.json and lockfile that pin a tool this project installs outside the clone. */
export function pinDir(name: string): string {
  return join(resolve(__dirname, '..', '..'), 'runtime', name);
}

/** The exact version a pin asks for of `dependency`. */
export function pinnedVersion(name: string, dependency: string): string {
  const manifest = JSON.parse(readFileSync(join(pinDir(name), 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  return manifest.dependencies[dependency];
}

/**
 * Installs a pin into `dir` (a folder of the machine cache): its package.json and lockfile copied
 * there, then `npm <command>` (default `install`, which installs what the lockfile pins). Throws
 * with the exit code when npm fails.
 */
export function installPin(name: string, dir: string, options: { env?: NodeJS.ProcessEnv; args?: string[] } = {}): void {
  mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(pinDir(name), file), join(dir, file));
  const args = options.args ?? ['install', '--no-audit', '--no-fund'];
  const result = spawnSync('npm', args, { cwd: dir, env: options.env ?? process.env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm ${args[0]} of runtime/${name} into ${dir} failed (exit ${result.status})`);
}
