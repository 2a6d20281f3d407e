/**
 * Builds each Zapier app into `zapier/<app>/build/`: one bundled `index.js` (shared/ and zod inside,
 * zapier-platform-core left as the only runtime dependency) and the `package.json` Zapier expects.
 * Usage: tsx scripts/zapier-build.ts [app...]
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Plugin, build } from 'esbuild';
import { APP_VERSION } from '../zapier/common/version';

export const ZAPIER_APPS = ['nectifi', 'splash', 'smartwifi', 'anykrowd'] as const;
export type ZapierApp = (typeof ZAPIER_APPS)[number];

const ROOT = resolve(__dirname, '..');

export function buildDirOf(app: ZapierApp): string {
  return join(ROOT, 'zapier', app, 'build');
}

/** Zapier apps never use the undici transport: swap its module for a stub so undici stays out. */
const withoutUndici: Plugin = {
  name: 'without-undici',
  setup(esbuild) {
    esbuild.onResolve({ filter: /\/default-transport$/ }, () => ({
      path: join(ROOT, 'zapier', 'common', 'no-default-transport.ts'),
    }));
  },
};

export async function buildZapierApp(app: ZapierApp): Promise<string> {
  const outDir = buildDirOf(app);
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(ROOT, 'zapier', app, 'index.ts')],
    outfile: join(outDir, 'index.js'),
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['zapier-platform-core'],
    plugins: [withoutUndici],
    // Zapier loads `index.js` with require() and wants the app definition itself, not `{default}`.
    footer: { js: 'module.exports = module.exports.default;' },
    logLevel: 'warning',
  });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  writeAtomically(join(outDir, 'package.json'), `${JSON.stringify(packageJsonOf(app), null, 2)}\n`);
  return outDir;
}

/** Tests build and load apps in parallel workers: a reader sees the old file or the new one, never half. */
function writeAtomically(path: string, contents: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

function packageJsonOf(app: ZapierApp) {
  return {
    name: `venue-connectors-zapier-${app}`,
    version: APP_VERSION,
    description: `Zapier app for ${app}, built from the venue-connectors declarations.`,
    main: 'index.js',
    private: true,
    license: 'MIT',
    engines: { node: '>=20' },
    dependencies: { 'zapier-platform-core': coreVersion() },
  };
}

function coreVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'zapier-platform-core', 'package.json'), 'utf8'));
  return pkg.version;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const apps = wanted.length ? wanted : [...ZAPIER_APPS];
  for (const app of apps) {
    if (!(ZAPIER_APPS as readonly string[]).includes(app)) throw new Error(`unknown app ${app}; known: ${ZAPIER_APPS.join(', ')}`);
    const started = Date.now();
    const dir = await buildZapierApp(app as ZapierApp);
    process.stdout.write(`built ${dir} in ${Date.now() - started} ms\n`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
