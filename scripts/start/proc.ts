import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export type Log = (line: string) => void;

/**
 * The environment for a child (npm, n8n): ours without what `npm start`, tsx and jest add. npm's
 * `npm_config_*` would redirect a nested npm (its prefix to this repository), jest's NODE_ENV=test
 * makes n8n refuse to load nodes, and tsx's loader has no business inside n8n. Loopback never goes
 * through a proxy.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^npm_/i.test(key) || key.startsWith('JEST_') || key === 'TSX_TSCONFIG_PATH') continue;
    env[key] = value;
  }
  if (env.NODE_OPTIONS) {
    // Drop only tsx's hooks (`--require .../tsx/...`, `--import tsx`), keep anything else the user set.
    const parts = env.NODE_OPTIONS.split(/\s+/).filter(Boolean);
    const kept: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const flag = /^--(require|import|loader|experimental-loader)$/.test(parts[i]);
      const value = flag ? parts[i + 1] ?? '' : parts[i];
      if (/tsx/.test(value)) {
        if (flag) i++;
        continue;
      }
      kept.push(parts[i]);
    }
    if (kept.length) env.NODE_OPTIONS = kept.join(' ');
    else delete env.NODE_OPTIONS;
  }
  env.NODE_ENV = 'production';
  const noProxy = ['127.0.0.1', 'localhost', env.NO_PROXY ?? env.no_proxy ?? ''].filter(Boolean).join(',');
  env.NO_PROXY = noProxy;
  env.no_proxy = noProxy;
  return { ...env, ...extra };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion, output captured (or passed through with `inherit`). */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; inherit?: boolean } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? childEnv(),
      stdio: options.inherit ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

const GUARD = join(__dirname, 'guard.cjs');

/**
 * Starts a long-running command under guard.cjs, in its own process group: a Ctrl-C in the terminal
 * reaches only us, and we stop the command in order; if we die, the guard stops it anyway.
 * `logFile: '-'` gives the command's output on the returned child's stdout/stderr.
 */
export function spawnGuarded(command: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string; logFile: string }): ChildProcess {
  return spawn(process.execPath, [GUARD, options.logFile, command, ...args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', options.logFile === '-' ? 'pipe' : 'ignore', options.logFile === '-' ? 'pipe' : 'ignore'],
  });
}

/** Resolves with the exit code once the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? 1);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

/** Asks a guarded command to stop (SIGTERM), and kills its whole process group if it has not after `timeoutMs`. */
export async function stopGuarded(child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const done = exited(child);
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = await Promise.race([done.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)))]);
  clearTimeout(timer);
  if (late) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await done;
  }
}

/** `preferred` if it is free on 127.0.0.1, otherwise (or without one) a free port the system picks. */
export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        const got = typeof address === 'object' && address ? address.port : null;
        server.close(() => resolve(got));
      });
    });
  if (preferred) {
    const got = await tryPort(preferred);
    if (got) return got;
  }
  const got = await tryPort(0);
  if (!got) throw new Error('no free TCP port on 127.0.0.1');
  return got;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
