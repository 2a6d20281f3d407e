/**
 * Runs the vendor sandbox in its own process so that its CPU does not count against the client
 * being measured. Started by sandbox-process.ts with an IPC channel:
 *   argv[2] = JSON SandboxOptions (port, scale, ...; 127.0.0.1 only, as the sandbox always binds)
 * Prints one JSON line `{url, urls, keys, startupMs}` on stdout when listening, then answers IPC
 * messages `{id, cmd, args}` with `{id, ok, result | error}`:
 *   insert: [helper, count, partial]   counters: []   resetCounters: []   memory: []   close: []
 * In `insert`, a partial `{guest_id: 'rotate'}` gives each SmartWiFi row the next guest in turn
 * (the helpers otherwise pick one at random, and two rows of one guest in the same second share a
 * key: a trigger would rightly count them once).
 * It exits by itself when the parent goes away (IPC disconnect) or after `maxLifeMs`.
 */
import { type Sandbox, startSandbox } from '../../test/sandbox';

interface Message {
  id: number;
  cmd: string;
  args?: unknown[];
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown> & { maxLifeMs?: number };
  const { maxLifeMs = 2 * 60 * 60_000, ...sandboxOptions } = options;
  const t0 = performance.now();
  const sandbox: Sandbox = await startSandbox({ port: 0, quiet: true, ...sandboxOptions });
  const startupMs = performance.now() - t0;
  const lifetime = setTimeout(() => void stop(), maxLifeMs);
  lifetime.unref();

  let stopping = false;
  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    await sandbox.close();
    process.exit(0);
  }
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());

  process.on('message', (raw: unknown) => {
    const message = raw as Message;
    try {
      const result = handle(sandbox, message);
      process.send?.({ id: message.id, ok: true, result });
      if (message.cmd === 'close') void stop();
    } catch (error) {
      process.send?.({ id: message.id, ok: false, error: (error as Error).stack ?? String(error) });
    }
  });
  process.stdout.write(`${JSON.stringify({ url: sandbox.url, urls: sandbox.urls, keys: sandbox.keys, startupMs })}\n`);
}

let nextGuest = 0;

function handle(sandbox: Sandbox, message: Message): unknown {
  const args = message.args ?? [];
  switch (message.cmd) {
    case 'insert': {
      const [helper, count, partial] = args as [string, number, Record<string, unknown> | number | undefined];
      const fn = (sandbox.insert as unknown as Record<string, (...a: unknown[]) => unknown>)[helper];
      if (typeof fn !== 'function') throw new Error(`no insert helper ${helper}`);
      let last: unknown;
      const rotate = typeof partial === 'object' && partial?.guest_id === 'rotate';
      for (let i = 0; i < count; i++) {
        const fields = rotate ? { ...partial, guest_id: (nextGuest++ % sandbox.state.smartwifi.guests.size) + 1 } : (partial ?? {});
        // anykrowdTransaction(walletId, partial): the wallet id comes first.
        last = helper === 'anykrowdTransaction' ? fn(partial, {}) : fn(fields);
      }
      return last ?? null;
    }
    case 'counters':
      return sandbox.counters.get();
    case 'resetCounters':
      sandbox.counters.reset();
      return null;
    case 'memory':
      return process.memoryUsage();
    case 'close':
      return null;
    default:
      throw new Error(`unknown command ${message.cmd}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox child failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
