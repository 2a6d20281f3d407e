/**
 * `npm start` as a user runs it: it comes up with the editor URL and login printed, Ctrl-C (SIGINT
 * to the whole foreground process group, as a terminal sends it) stops every process and leaves a
 * sound SQLite database, a second start reuses the folder, and a `kill -9` of npm start still
 * takes n8n down.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/start/paths';
import { log, processesUsing, redact, redacted, sqlite, tempDir } from './support';

const dataDir = tempDir('venue-connectors-start-');

interface Started {
  child: ChildProcess;
  output: () => string;
  readyMs: number;
  url: string;
}

function start(): Promise<Started> {
  const began = Date.now();
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'start', 'main.ts'), '--data', dataDir, '--port', '0', '--sandbox-port', '0'], {
    cwd: ROOT,
    detached: true, // its own process group, like a job in a terminal
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const url = /n8n editor\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url && out.includes('Ctrl-C stops')) {
        clearInterval(timer);
        resolve({ child, output: () => out, readyMs: Date.now() - began, url });
      }
    }, 200);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited (${code}) before it was ready:\n${redact(out.slice(-3000))}`));
    });
  });
}

function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | string> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? String(child.signalCode));
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? String(signal));
    });
  });
}

async function noneLeft(timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let left = processesUsing(dataDir);
  while (left.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    left = processesUsing(dataDir);
  }
  return left;
}

let current: ChildProcess | undefined;

afterAll(async () => {
  const signal = (pid: number, sig: NodeJS.Signals) => {
    try {
      process.kill(pid, sig);
    } catch {
      /* already gone */
    }
  };
  if (current?.pid && current.exitCode === null && current.signalCode === null) {
    signal(-current.pid, 'SIGINT');
    await exitOf(current, 60_000);
  }
  for (const pid of processesUsing(dataDir)) signal(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

let firstReadyMs = 0;

test('first start: healthy n8n, login printed; Ctrl-C stops every process and leaves a sound database', async () => {
  await redacted(async () => {
    const first = await start();
    current = first.child;
    firstReadyMs = first.readyMs;
    log(`first start ready in ${(first.readyMs / 1000).toFixed(1)} s at ${first.url}`);
    expect(first.output()).toContain('first run: owner, credentials and workflows created');
    expect(first.output()).toMatch(/login\s+demo@venue-connectors\.local/);
    expect(first.output()).toMatch(/password\s+\S{8,}/);
    const health = await fetch(`${first.url}/healthz`);
    expect(((await health.json()) as { status: string }).status).toBe('ok');

    process.kill(-(first.child.pid as number), 'SIGINT');
    expect(await exitOf(first.child, 60_000)).toBe(0);
    expect(first.output()).toContain('Stopped.');
    expect(await noneLeft(10_000)).toEqual([]);

    const db = join(dataDir, '.n8n', 'database.sqlite');
    expect(existsSync(`${db}-wal`)).toBe(false); // the write-ahead log was folded in
    expect(await sqlite(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const workflows = await sqlite<{ id: string }>(db, "SELECT id FROM workflow_entity WHERE id LIKE 'vcDemo%' ORDER BY id");
    expect(workflows.map((w) => w.id)).toEqual(['vcDemo1WifiGuest', 'vcDemo2SplashVch', 'vcDemo3NectTopup', 'vcDemo4WifiExprt']);
    const credentials = await sqlite<{ type: string }>(db, 'SELECT type FROM credentials_entity ORDER BY type');
    expect(credentials.map((c) => c.type)).toEqual(['anykrowdApi', 'nectifiApi', 'smartWifiApi', 'splashAirApi']);
  });
});

test('second start reuses the data folder; kill -9 of npm start still stops n8n', async () => {
  await redacted(async () => {
    const second = await start();
    current = second.child;
    log(`second start ready in ${(second.readyMs / 1000).toFixed(1)} s (first: ${(firstReadyMs / 1000).toFixed(1)} s)`);
    expect(second.output()).toContain('(reusing ');
    expect(second.output()).not.toContain('first run');
    expect(second.output()).not.toContain('(edited in n8n');
    expect(second.readyMs).toBeLessThan(120_000);
    const health = await fetch(`${second.url}/healthz`);
    expect(health.ok).toBe(true);

    // The terminal is gone: npm start and its parents die at once, n8n is left to its guard.
    process.kill(-(second.child.pid as number), 'SIGKILL');
    await exitOf(second.child, 10_000);
    expect(await noneLeft(60_000)).toEqual([]);
    const db = join(dataDir, '.n8n', 'database.sqlite');
    expect(await sqlite(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
