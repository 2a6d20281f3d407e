import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ZapierApp } from '../../scripts/zapier-build';
import { zipPathOf } from '../../scripts/zapier-package';

export interface UnzippedApp {
  dir: string;
  app: Record<string, any>;
  /** createAppTester of the zip's own zapier-platform-core. */
  run<T = unknown>(perform: unknown, bundle: Record<string, unknown>): Promise<T>;
  remove(): void;
}

/**
 * Unzips `zapier/<app>/build.zip` into an empty folder outside the repo (so nothing resolves to the
 * repo's node_modules) and loads the app and zapier-platform-core from there, as Zapier's runtime does.
 */
export function unzipApp(name: ZapierApp): UnzippedApp {
  const dir = mkdtempSync(join(tmpdir(), `zapier-${name}-`));
  execFileSync('unzip', ['-q', zipPathOf(name), '-d', dir]);
  for (const required of ['index.js', 'zapierwrapper.js', 'definition.json', 'node_modules/zapier-platform-core/package.json']) {
    if (!existsSync(join(dir, required))) throw new Error(`${name}/build.zip has no ${required}`);
  }
  const core = require(join(dir, 'node_modules', 'zapier-platform-core'));
  const app = require(join(dir, 'index.js'));
  const tester = core.createAppTester(app);
  return {
    dir,
    app,
    run: (perform, bundle) => tester(perform, bundle),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
