import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Log, childEnv, run } from './proc';
import type { N8nRuntime } from '../runtime/n8n';
import { PACKAGE_NAME, ROOT } from './paths';

/** Where n8n loads community packages from: `<user folder>/.n8n/nodes/node_modules`. */
export function nodesModulesDir(userFolder: string): string {
  return join(userFolder, '.n8n', 'nodes', 'node_modules');
}

/** Builds dist/ (esbuild, about a second). */
export async function buildPackage(): Promise<void> {
  const result = await run(process.execPath, [join(ROOT, 'scripts', 'build-n8n.mjs')], { cwd: ROOT, env: childEnv() });
  if (result.code !== 0) throw new Error(`npm run build failed:\n${result.stderr || result.stdout}`);
}

/** A hash of what the package is made of (package.json, README, dist/), to skip an unchanged reinstall. */
function buildHash(): string {
  const hash = createHash('sha256');
  const add = (file: string) => hash.update(relative(ROOT, file)).update(readFileSync(file));
  add(join(ROOT, 'package.json'));
  add(join(ROOT, 'README.md'));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else add(path);
    }
  };
  walk(join(ROOT, 'dist'));
  return hash.digest('hex');
}

/**
 * Packs the package exactly as `npm publish` would (`files`: dist/, README, package.json) and
 * unpacks it into the user folder's community-package directory, as n8n's own installer does.
 * The previous copy is swapped out only once the new one is complete. Skipped when the build is
 * the one installed last time. Returns whether it (re)installed.
 */
export async function installPackage(userFolder: string, runtime: N8nRuntime, log?: Log): Promise<boolean> {
  const marker = join(userFolder, '.installed-package-hash');
  const target = join(nodesModulesDir(userFolder), PACKAGE_NAME);
  const hash = buildHash();
  if (existsSync(join(target, 'package.json')) && existsSync(marker) && readFileSync(marker, 'utf8') === hash) {
    linkHostN8nWorkflow(nodesModulesDir(userFolder), runtime);
    return false;
  }
  // Work next to the target so the final renames stay on one filesystem.
  mkdirSync(userFolder, { recursive: true });
  const work = mkdtempSync(join(userFolder, '.pack-'));
  try {
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, env: childEnv() });
    if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    const [{ filename }] = JSON.parse(packed.stdout) as Array<{ filename: string }>;
    const staging = join(work, 'package');
    mkdirSync(staging);
    const untar = await run('tar', ['-xzf', join(work, filename), '-C', staging, '--strip-components=1'], {});
    if (untar.code !== 0) throw new Error(`tar failed: ${untar.stderr}`);

    const modules = nodesModulesDir(userFolder);
    mkdirSync(modules, { recursive: true });
    const old = join(work, 'previous');
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
    linkHostN8nWorkflow(modules, runtime);
    writeFileSync(marker, hash);
    log?.(`Installed ${filename} into ${target}`);
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The package's only import is its peer dependency n8n-workflow, which n8n provides. Looking it up
 * from a user folder inside this repository would find the repository's own dev copy first (a
 * second instance of the module), so the nodes directory points at the n8n runtime's copy, which is
 * what a real install resolves to.
 */
function linkHostN8nWorkflow(modules: string, runtime: N8nRuntime): void {
  const link = join(modules, 'n8n-workflow');
  const target = join(runtime.modules, 'n8n-workflow');
  try {
    if (readlinkSync(link) === target) return;
    rmSync(link, { force: true });
  } catch {
    /* no link yet */
  }
  symlinkSync(target, link, 'dir');
}
