/**
 * Builds the n8n community package into dist/:
 * - dist/nodes/common/index.js: the node runtime with shared/ and zod bundled in (the package has
 *   no runtime dependencies; n8n-workflow is provided by n8n);
 * - one small file per node and credential, which require the runtime above;
 * - icons and codex files next to the files that reference them.
 * Inside n8n every request goes through n8n's own HTTP helpers, so undici is left out.
 */
import { build } from 'esbuild';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['n8n-workflow'],
  logLevel: 'warning',
  legalComments: 'none',
};

/** The standalone default transport (undici) is replaced: n8n nodes always pass the n8n transport. */
const noStandaloneTransport = {
  name: 'no-standalone-transport',
  setup(b) {
    b.onResolve({ filter: /\/default-transport$/ }, () => ({ path: 'default-transport', namespace: 'n8n-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'n8n-stub' }, () => ({
      contents: `exports.defaultTransport = () => { throw new Error('inside n8n, requests go through the n8n transport'); };
exports.closeDefaultTransport = async () => undefined;`,
      loader: 'js',
    }));
  },
};

/** Timers are forbidden in n8n node code: the shared default clock becomes one on n8n-workflow's `sleep`. */
const n8nClock = {
  name: 'n8n-clock',
  setup(b) {
    b.onResolve({ filter: /\/default-clock$/ }, () => ({ path: join(root, 'nodes', 'common', 'n8n-clock.ts') }));
  },
};

/** Node and credential entry files load the shared runtime instead of bundling a copy each. */
const commonAsExternal = {
  name: 'common-as-external',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/common$/ }, (args) => {
      const fromDist = join(dist, relative(root, args.resolveDir));
      const target = relative(fromDist, join(dist, 'nodes', 'common', 'index.js')).split('\\').join('/');
      return { path: target.startsWith('.') ? target : `./${target}`, external: true };
    });
  },
};

async function files(dir, suffix) {
  const out = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix)) out.push(join(entry.parentPath ?? entry.path, entry.name));
  }
  return out.sort();
}

await rm(dist, { recursive: true, force: true });

await build({
  ...common,
  entryPoints: [join(root, 'nodes', 'common', 'index.ts')],
  outfile: join(dist, 'nodes', 'common', 'index.js'),
  plugins: [noStandaloneTransport, n8nClock],
});

const entries = [...(await files('nodes', '.node.ts')), ...(await files('credentials', '.credentials.ts'))];
await build({
  ...common,
  entryPoints: entries,
  outdir: dist,
  outbase: root,
  plugins: [commonAsExternal],
});

await cp(join(root, 'icons'), join(dist, 'icons'), { recursive: true, filter: (src) => !src.endsWith('.png') });
for (const codex of await files('nodes', '.node.json')) {
  const target = join(dist, relative(root, codex));
  await mkdir(dirname(target), { recursive: true });
  await cp(codex, target);
}
process.stdout.write(`built ${entries.length} nodes and credentials into ${relative(process.cwd(), dist) || 'dist'}\n`);
