import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { CounterSnapshot, SandboxKeys, SandboxOptions, SandboxUrls } from '../../test/sandbox/types';

export interface SandboxProcess {
  url: string;
  urls: SandboxUrls;
  keys: SandboxKeys;
  /** Time the child took to seed its data and listen. */
  startupMs: number;
  pid: number;
  insert(helper: string, count: number, partial?: Record<string, unknown> | number): Promise<unknown>;
  counters(): Promise<CounterSnapshot>;
  resetCounters(): Promise<void>;
  memory(): Promise<NodeJS.MemoryUsage>;
  close(): Promise<void>;
}

/** Node flags that load TypeScript through tsx in a child process. */
export const TSX_EXEC_ARGV = ['--import', 'tsx'];

/**
 * Forks bench/lib/sandbox-child.ts (the sandbox in its own process, 127.0.0.1, a free port) and
 * resolves once it prints its URL. The child dies with the parent (IPC disconnect) and after
 * `maxLifeMs` at the latest.
 */
export async function startSandboxProcess(options: SandboxOptions & { maxLifeMs?: number } = {}, startTimeoutMs = 180_000): Promise<SandboxProcess> {
  const child = fork(join(__dirname, 'sandbox-child.ts'), [JSON.stringify({ quiet: true, ...options, port: 0 })], {
    execArgv: [...TSX_EXEC_ARGV, '--max-old-space-size=8192'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string; urls: SandboxUrls; keys: SandboxKeys; startupMs: number }>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sandbox child did not start within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(buffer.slice(0, newline)));
      } catch (error) {
        reject(error as Error);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox child exited with code ${code} before listening`));
    });
  });
  return wrap(child, ready);
}

function wrap(child: ChildProcess, ready: { url: string; urls: SandboxUrls; keys: SandboxKeys; startupMs: number }): SandboxProcess {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (raw) => {
    const message = raw as { id: number; ok: boolean; result?: unknown; error?: string };
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(new Error(`sandbox child: ${message.error}`));
  });
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    exited = true;
    for (const waiter of pending.values()) waiter.reject(new Error(`sandbox child exited (${code ?? signal})`));
    pending.clear();
  });
  const call = (cmd: string, args: unknown[] = []) =>
    new Promise<unknown>((resolve, reject) => {
      if (exited) return reject(new Error('sandbox child has exited'));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, cmd, args });
    });
  return {
    ...ready,
    pid: child.pid ?? -1,
    insert: (helper, count, partial) => call('insert', [helper, count, partial]),
    counters: () => call('counters') as Promise<CounterSnapshot>,
    resetCounters: async () => void (await call('resetCounters')),
    memory: () => call('memory') as Promise<NodeJS.MemoryUsage>,
    async close() {
      if (exited) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      try {
        await call('close');
      } catch {
        /* already gone */
      }
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}

/** Total requests in a counter snapshot, optionally only those whose key starts with `prefix`. */
export function requestCount(snapshot: CounterSnapshot, prefix = ''): number {
  let total = 0;
  for (const [key, count] of Object.entries(snapshot.requests)) if (key.startsWith(prefix)) total += count;
  return total;
}
