import { join } from 'node:path';
import { createAppTester } from 'zapier-platform-core';
import { buildZapierApp, type ZapierApp } from '../../../scripts/zapier-build';
import { type Sandbox, startSandbox } from '../../sandbox';
import { scanForSecrets } from '../../support/secret-scan';
import { type LogSink, startLogSink } from './log-sink';
import { sandboxSecrets, secretsIn } from './secrets';

export type AppDefinition = Record<string, any>;
export type Bundle = Record<string, unknown>;
export type Perform = (z: unknown, bundle: any) => unknown;

export interface ZapierHarness {
  sandbox: Sandbox;
  app: AppDefinition;
  /** The app's connection to this sandbox, as a user would fill in Zapier's auth fields. */
  authData: Record<string, string>;
  /** Runs a perform of the built app the way Zapier does (middleware, checks, logging). */
  run<T = unknown>(perform: Perform, bundle: Bundle): Promise<T>;
  /** Runs a perform that must fail; returns the error and remembers its message for the secret scan. */
  failure(perform: Perform, bundle: Bundle): Promise<Error>;
  /** zapier-platform-core's own validation of the app definition (schema and functional checks). */
  validate(): Promise<unknown[]>;
  /** Secrets found in every error and log line so far. */
  leakedSecrets(): string[];
  logs: LogSink;
  close(): Promise<void>;
}

function sandboxAuthData(appName: ZapierApp, sandbox: Sandbox): Record<string, string> {
  const { keys, urls } = sandbox;
  switch (appName) {
    case 'nectifi':
      return { apiKey: keys.nectifi.full, baseUrl: urls.nectifi, allowHttp: 'true', webhookSecret: keys.nectifi.webhookSecret };
    case 'splash':
      return { host: urls.splash, apiKey: keys.splash.apiKey, team: keys.splash.team, allowHttp: 'true' };
    case 'smartwifi':
      return { apiToken: keys.smartwifi.apiToken, environment: 'custom', baseUrl: urls.smartwifi, allowHttp: 'true' };
    case 'anykrowd':
      return { tenantUrl: urls.anykrowd, apiKey: keys.anykrowd.apiKey, allowHttp: 'true' };
  }
}

/**
 * Builds the app exactly as it is shipped (`zapier/<app>/build/index.js`), loads that build, and
 * starts a sandbox and a log sink for it.
 */
export async function startZapierHarness(appName: ZapierApp): Promise<ZapierHarness> {
  const buildDir = await buildZapierApp(appName);
  const app: AppDefinition = require(join(buildDir, 'index.js'));
  const sandbox = await startSandbox({ port: 0, quiet: true });
  const logs = await startLogSink();
  const tester = createAppTester(app);
  const errors: string[] = [];
  return {
    sandbox,
    app,
    authData: sandboxAuthData(appName, sandbox),
    logs,
    run: (perform, bundle) => tester(perform as never, bundle as never) as Promise<never>,
    async failure(perform, bundle) {
      try {
        await tester(perform as never, bundle as never);
      } catch (error) {
        errors.push(String((error as Error).message), String((error as Error).stack));
        return error as Error;
      }
      throw new Error('expected the perform to fail, but it succeeded');
    },
    async validate() {
      // The handler `zapier validate` runs (missing from zapier-platform-core's type declarations).
      const { createAppHandler } = require('zapier-platform-core') as { createAppHandler(app: object): (event: object) => Promise<{ results: unknown[] }> };
      const handler = createAppHandler(app);
      return (await handler({ command: 'validate' })).results;
    },
    leakedSecrets: () => secretsIn([...errors, logs.text()].join('\n'), sandboxSecrets(sandbox)),
    async close() {
      // Everything Zapier would have stored for these runs (logs, errors) goes through the secret scan.
      scanForSecrets('zapier log stream and errors', [logs.text(), ...errors].join('\n'));
      await logs.close();
      await sandbox.close();
    },
  };
}

/** Zapier's ThrottledError carries `{message, delay}` as JSON in its message. */
export function throttleDelayOf(error: Error): number | null {
  expect(error.name).toBe('ThrottledError');
  return JSON.parse(error.message).delay;
}

export function idsOf(items: unknown): unknown[] {
  return (items as Array<{ id: unknown }>).map((item) => item.id);
}

/** Newest first: each id's item is not older than the next one's. */
export function expectUniqueIds(items: unknown): void {
  const ids = idsOf(items).map(String);
  expect(ids.length).toBeGreaterThan(0);
  expect(new Set(ids).size).toBe(ids.length);
}
