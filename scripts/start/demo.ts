import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../test/sandbox';
import { type Login, N8nRest, waitForHttpOk } from './n8n-rest';
import { buildPackage, installPackage } from './package-install';
import { type N8nRuntime, defaultVersion, ensureN8n } from '../runtime/n8n';
import { type Log, childEnv, exited, freePort, run, spawnGuarded, stopGuarded } from './proc';
import { checkpointDatabase } from './sqlite';
import {
  type CredentialRef,
  type CreateWithId,
  type DemoWorkflow,
  type CredentialType,
  type ImportedWorkflow,
  type WebhookDemo,
  activateWebhookDemo,
  importWorkflows,
  loadDemoWorkflows,
  nectifiWebhookOf,
  upsertCredentials,
} from './setup';

/**
 * n8n's environment for the demo: SQLite in the user folder, loopback only, nothing phoned home
 * (telemetry, version notifications, templates, personalisation survey, banners, verified-package list).
 * The session cookie is not marked Secure: the editor is served over plain HTTP on 127.0.0.1.
 */
export function n8nEnv(userFolder: string, port: number, brokerPort: number): NodeJS.ProcessEnv {
  const url = `http://127.0.0.1:${port}/`;
  return childEnv({
    N8N_USER_FOLDER: userFolder,
    DB_TYPE: 'sqlite',
    N8N_PORT: String(port),
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    N8N_PROTOCOL: 'http',
    N8N_EDITOR_BASE_URL: url,
    WEBHOOK_URL: url,
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    N8N_RUNNERS_BROKER_PORT: String(brokerPort),
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_HIRING_BANNER_ENABLED: 'false',
    N8N_DYNAMIC_BANNERS_ENABLED: 'false',
    N8N_VERIFIED_PACKAGES_ENABLED: 'false',
    N8N_SECURE_COOKIE: 'false',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
    N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
    N8N_LOG_LEVEL: 'info',
  });
}

export interface DemoOptions {
  /** The n8n user folder (n8n keeps its data in `<dataDir>/.n8n`). */
  dataDir: string;
  /** A running sandbox; the credentials point at it. */
  sandbox: Sandbox;
  /** Preferred n8n port (default 5678); another free one is used when it is taken. */
  port?: number;
  log: Log;
  /** Skip the build (the caller built dist/ already). */
  skipBuild?: boolean;
  /** A pinned n8n version (runtime/n8n-<version>); default: the newest pinned 2.x. */
  n8nVersion?: string;
  /** The workflows to import (default: demo/workflows/); the templates test passes its own. */
  workflows?: DemoWorkflow[];
}

export interface RunningDemo {
  url: string;
  port: number;
  n8nVersion: string;
  /** The n8n install it runs (for `n8n execute` and the database afterwards). */
  runtime: N8nRuntime;
  login: Login;
  /** Whether this start created the owner (a fresh data folder). */
  firstRun: boolean;
  rest: N8nRest;
  credentials: Record<CredentialType, CredentialRef>;
  workflows: ImportedWorkflow[];
  webhook?: WebhookDemo;
  logFile: string;
  /** How long each phase took (ms): build, package install, n8n until its REST API answered, setup. */
  timings: { build: number; install: number; n8n: number; setup: number };
  n8n: ChildProcess;
  /** Resolves with n8n's exit code when it exits (by itself or after stop()). */
  exited: Promise<number>;
  /** Stops n8n gracefully (its SQLite database is closed cleanly). Idempotent. */
  stop(): Promise<void>;
}

const LOGIN_FILE = 'demo-login.json';
const LOCK_FILE = 'demo.lock';
const VERSION_FILE = 'n8n-version';

function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/**
 * n8n migrates a database forward, never back: a data folder last used by a newer n8n is refused
 * with the way out, instead of an n8n that fails on start-up. Records the version that uses it.
 */
function claimDataFolder(dataDir: string, version: string): void {
  const file = join(dataDir, VERSION_FILE);
  const previous = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (previous && compareVersions(previous, version) > 0) {
    throw new Error(`${dataDir} was last used by n8n ${previous}, newer than ${version}: its database cannot go back. Use --n8n ${previous}, another --data folder, or --reset`);
  }
  writeFileSync(file, `${version}\n`);
}

/** The owner login of this data folder: made up on first start, kept in `<dataDir>/demo-login.json`. */
export function loginFor(dataDir: string): Login {
  const file = join(dataDir, LOGIN_FILE);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Login;
  const login: Login = {
    email: 'demo@venue-connectors.local',
    // n8n wants 8+ characters with an upper-case letter and a digit.
    password: `Vc9-${randomBytes(9).toString('base64url')}`,
    firstName: 'Demo',
    lastName: 'Owner',
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(login, null, 2) + '\n', { mode: 0o600 });
  return login;
}

/** One `npm start` per data folder at a time. */
function takeLock(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    let alive = false;
    try {
      if (pid > 0) process.kill(pid, 0);
      alive = pid > 0;
    } catch {
      alive = false;
    }
    if (alive && pid !== process.pid) throw new Error(`another npm start (pid ${pid}) is using ${dataDir}; stop it first`);
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** n8n 1.x: a new workflow keeps its id only through the CLI's import (it works beside the running n8n). */
function cliImport(runtime: N8nRuntime, rest: N8nRest, env: NodeJS.ProcessEnv, dataDir: string): CreateWithId {
  return async (workflow) => {
    const file = join(dataDir, `import-${workflow.id}.json`);
    writeFileSync(file, JSON.stringify([workflow]));
    try {
      const result = await run(runtime.node, [runtime.bin, 'import:workflow', `--input=${file}`], { env: runtime.env(env) });
      if (result.code !== 0) throw new Error(`n8n import:workflow ${workflow.id} failed (exit ${result.code}): ${result.stderr.slice(-500)}`);
    } finally {
      rmSync(file, { force: true });
    }
    return rest.request<{ versionId: string }>('GET', `/rest/workflows/${workflow.id}`);
  };
}

/**
 * Brings up a real n8n with the package installed and the demo in it: build → pack and install into
 * the user folder → `n8n start` → owner (created on a fresh folder, else logged in) → the four
 * sandbox credentials → the demo workflows → the webhook demo active and registered with the sandbox.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const { dataDir, sandbox, log } = options;
  mkdirSync(dataDir, { recursive: true });
  const unlock = takeLock(dataDir);
  let n8n: ChildProcess | undefined;
  try {
    const runtime = await ensureN8n(options.n8nVersion ?? defaultVersion(), log);
    claimDataFolder(dataDir, runtime.version);
    let mark = Date.now();
    const lap = () => {
      const ms = Date.now() - mark;
      mark = Date.now();
      return ms;
    };
    if (!options.skipBuild) await buildPackage();
    const build = lap();
    await installPackage(dataDir, runtime);
    const install = lap();
    const login = loginFor(dataDir);

    const port = await freePort(options.port ?? 5678);
    const brokerPort = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const logFile = join(dataDir, 'n8n.log');
    writeFileSync(logFile, '');
    log(`Starting n8n ${runtime.version} (Node ${runtime.nodeMajor}) on ${url} (data: ${join(dataDir, '.n8n')}, log: ${logFile})`);
    const child = spawnGuarded(runtime.node, [runtime.bin, 'start'], { env: runtime.env(n8nEnv(dataDir, port, brokerPort)), logFile });
    n8n = child;
    const childExited = exited(child);
    const running = () => child.exitCode === null && child.signalCode === null;
    try {
      // Readiness: database connected and migrated (the first start runs ~200 migrations). The REST
      // API is mounted a little later.
      await waitForHttpOk(`${url}/healthz/readiness`, { timeoutMs: 300_000, stillRunning: running });
      await waitForHttpOk(`${url}/rest/settings`, { timeoutMs: 120_000, stillRunning: running });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- last lines of ${logFile} ---\n${tail(logFile)}`);
    }
    const n8nUp = lap();

    const rest = new N8nRest(url);
    const firstRun = await rest.ownerSetupOrLogin(login).catch((error: Error) => {
      throw new Error(`cannot log in to n8n as ${login.email} (${error.message}). If you changed the password in the editor, update ${join(dataDir, LOGIN_FILE)}, or start afresh with npm start -- --reset`);
    });
    const credentials = await upsertCredentials(rest, sandbox);
    const demoWorkflows = options.workflows ?? loadDemoWorkflows();
    const createWithId = runtime.major < 2 ? cliImport(runtime, rest, n8nEnv(dataDir, await freePort(), await freePort()), dataDir) : undefined;
    const workflows = await importWorkflows(rest, credentials, dataDir, demoWorkflows, createWithId);
    let webhook: WebhookDemo | undefined;
    for (const wf of demoWorkflows) {
      const found = nectifiWebhookOf(wf, url);
      if (found) {
        // Activated once; after that, only re-published when we updated it from its file.
        const status = workflows.find((w) => w.id === wf.id)?.status;
        await activateWebhookDemo(rest, sandbox, found, status === 'updated', runtime.major);
        webhook = found;
      }
    }

    const timings = { build, install, n8n: n8nUp, setup: lap() };
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= stopGuarded(child, 40_000)
        .then(() => (child.exitCode === 0 ? checkpointDatabase(dataDir, runtime) : undefined))
        .catch(() => undefined)
        .finally(unlock);
      return stopping;
    };
    return {
      url,
      port,
      n8nVersion: runtime.version,
      runtime,
      login,
      firstRun,
      rest,
      credentials,
      workflows,
      webhook,
      logFile,
      timings,
      n8n: child,
      exited: childExited,
      stop,
    };
  } catch (error) {
    if (n8n) await stopGuarded(n8n, 40_000);
    unlock();
    throw error;
  }
}
