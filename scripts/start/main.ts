/*
 * The main job. `npm start`: the vendor sandbox and a real n8n with this package and the demo
 * workflows, until Ctrl-C. `npm start -- --headless`: run every demo workflow once through the n8n
 * CLI, print the results, check the sandbox saw their effects, exit non-zero on any failure.
 *
 *   --headless           run the demos once and exit (see headless.ts)
 *   --data <dir>         n8n user folder (default .n8n-demo; --headless uses a fresh temporary one)
 *   --reset              delete the data folder first (a fresh n8n: new owner, credentials, workflows)
 *   --port <n>           preferred n8n port (default 5678)
 *   --sandbox-port <n>   preferred sandbox port (default 4010)
 *   --latency <ms>       the sandbox answers each vendor request after <ms> (or nectifi=50,splash=200,...)
 *   --n8n <version>      a pinned n8n version (runtime/n8n-<version>/; default: the newest pinned 2.x)
 *   --keep               --headless: keep the temporary data folder
 */
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox } from '../../test/sandbox';
import { parseLatency } from '../../test/sandbox/latency';
import { startDemo } from './demo';
import { runHeadless } from './headless';
import { DEFAULT_DATA_DIR } from './paths';
import { formatMs, freePort } from './proc';
import { banner } from './banner';

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
const log = (line: string) => process.stdout.write(`${line}\n`);

async function interactive(): Promise<void> {
  const started = Date.now();
  const dataDir = resolve(option('data') ?? DEFAULT_DATA_DIR);
  if (flag('reset')) {
    rmSync(dataDir, { recursive: true, force: true });
    log(`Removed ${dataDir}`);
  }
  const latency = option('latency');
  const sandbox = await startSandbox({ port: await freePort(Number(option('sandbox-port') ?? 4010)), quiet: true, latencyMs: latency ? parseLatency(latency) : undefined });
  log(`Vendor sandbox on ${sandbox.url}`);

  let demo: Awaited<ReturnType<typeof startDemo>> | undefined;
  let shuttingDown = false;
  const shutdown = async (reason: string, code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`\n${reason}: stopping n8n and the sandbox...`);
    await demo?.stop();
    await sandbox.close();
    log('Stopped.');
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal, 0));

  try {
    demo = await startDemo({ dataDir, sandbox, port: Number(option('port') ?? 5678), log, n8nVersion: option('n8n') });
  } catch (error) {
    process.stderr.write(`npm start failed: ${(error as Error).message}\n`);
    await sandbox.close();
    process.exit(1);
  }
  log(banner(demo, sandbox, dataDir, formatMs(Date.now() - started)));
  const code = await demo.exited;
  if (!shuttingDown) {
    process.stderr.write(`n8n exited by itself (code ${code}); see ${demo.logFile}\n`);
    await shutdown('n8n exited', code || 1);
  }
}

async function main(): Promise<void> {
  if (flag('help') || flag('h')) {
    process.stdout.write(`${readFileSync(__filename, 'utf8').split('*/')[0]}*/\n`);
    return;
  }
  if (flag('headless')) {
    const report = await runHeadless({
      dataDir: option('data') ? resolve(option('data') as string) : undefined,
      keep: flag('keep'),
      port: option('port') ? Number(option('port')) : undefined,
      n8nVersion: option('n8n'),
      log,
    });
    process.exit(report.ok ? 0 : 1);
  }
  await interactive();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
