/**
 * Packages each Zapier app as `zapier push` would upload it: the esbuild bundle of
 * scripts/zapier-build.ts, then zapier-platform-cli 19's own `build` (a fresh `npm install
 * --production` of zapier-platform-core, dependency detection, the CLI's test of the zip), copied to
 * `zapier/<app>/build.zip`. `--skip-validation`: the schema checks run in `zapier validate` and in
 * the tests; the style checks need Zapier's servers.
 * Usage: tsx scripts/zapier-package.ts [app...]
 */
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZAPIER_APPS, type ZapierApp, buildDirOf, buildZapierApp } from './zapier-build';
import { ensureZapierCli, runZapierCli } from './zapier-cli';

/**
 * zapier-platform-core reaches these three small packages through `require.mjs` files that the CLI's
 * dependency detection misses ("Detected a missing file in build.zip: node_modules/async-function/
 * require.mjs"); `includeInBuild` (regular expressions) adds them.
 */
const INCLUDE_IN_BUILD = ['async-function', 'generator-function', 'async-generator-function'].map(
  (name) => `node_modules/${name}/require\\.mjs$`,
);

export function zipPathOf(app: ZapierApp): string {
  return join(buildDirOf(app), '..', 'build.zip');
}

export async function packageZapierApp(app: ZapierApp): Promise<string> {
  const dir = await buildZapierApp(app);
  writeFileSync(join(dir, '.zapierapprc'), `${JSON.stringify({ includeInBuild: INCLUDE_IN_BUILD }, null, 2)}\n`);
  // The CLI's source.zip takes what .gitignore does not exclude.
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\nbuild/\n');
  rmSync(join(dir, 'build'), { recursive: true, force: true });
  const status = runZapierCli(['build', '--skip-validation'], dir);
  const made = join(dir, 'build', 'build.zip');
  if (status !== 0 || !existsSync(made)) throw new Error(`zapier-platform build failed for ${app} (exit ${status})`);
  copyFileSync(made, zipPathOf(app));
  return zipPathOf(app);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const apps = wanted.length ? wanted : [...ZAPIER_APPS];
  for (const app of apps) {
    if (!(ZAPIER_APPS as readonly string[]).includes(app)) throw new Error(`unknown app ${app}; known: ${ZAPIER_APPS.join(', ')}`);
  }
  const cli = ensureZapierCli();
  for (const app of apps as ZapierApp[]) {
    const started = Date.now();
    process.stdout.write(`== zapier-platform ${cli.version} build --skip-validation: ${app}\n`);
    const zip = await packageZapierApp(app);
    process.stdout.write(`packaged ${zip} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
