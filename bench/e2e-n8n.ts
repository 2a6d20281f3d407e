/**
 * Benchmark 6 (only when the default pinned n8n is installed in the cache): a real n8n runs one
 * workflow, `n8n execute`, that lists 100 Nectifi guests with our node and then looks each of the
 * 100 up again, alternately through our Nectifi node (Get Guest) and through n8n's HTTP Request
 * node (GET /crm/guests/{id} with a header-auth credential), several rounds in the same execution.
 * The time of each node comes from n8n's own run data (`executionTime`). Our package is installed
 * from its packed tarball into a temporary n8n user folder, as n8n installs a community package.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureBuilt } from './lib/build';
import { type SandboxProcess, requestCount, startSandboxProcess } from './lib/sandbox-process';
import { fmt, interleavedNote, mdTable, ratios, summarize, table } from './lib/stats';
import type { BenchOptions, BenchResult } from './lib/types';
import { isInstalled, n8nRuntime } from '../scripts/runtime/n8n';

const RUNTIME = n8nRuntime();
const PACKAGE_NAME = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;
const ITEMS = 100;

export function realN8nInstalled(): boolean {
  return isInstalled(RUNTIME) && existsSync(join(RUNTIME.modules, 'n8n-workflow'));
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, cwd: ROOT, timeout: timeoutMs, maxBuffer: 256 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${command} ${args.join(' ')}: ${error.message}\n${stderr.slice(-3000)}\n${stdout.slice(-3000)}`));
      resolve({ stdout, stderr });
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** n8n confined to the temp user folder: SQLite, loopback, nothing phoned home. */
async function n8nEnv(userFolder: string): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('N8N_') || key.startsWith('DB_')) delete env[key];
  delete env.NODE_OPTIONS;
  return RUNTIME.env({
    ...env,
    N8N_USER_FOLDER: userFolder,
    DB_TYPE: 'sqlite',
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_PORT: String(await freePort()),
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    N8N_RUNNERS_BROKER_PORT: String(await freePort()),
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_VERIFIED_PACKAGES_ENABLED: 'false',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    // `n8n execute` prints the run data through its logger at info level; JSON lines are parseable.
    N8N_LOG_LEVEL: 'info',
    N8N_LOG_FORMAT: 'json',
    N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
  });
}

/** Packs the package as npm publish would and unpacks it where n8n loads community packages from. */
async function installPackage(userFolder: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'venue-bench-pack-'));
  try {
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], process.env, 120_000);
    const [{ filename }] = JSON.parse(stdout) as Array<{ filename: string }>;
    const modules = join(userFolder, '.n8n', 'nodes', 'node_modules');
    const target = join(modules, PACKAGE_NAME);
    mkdirSync(target, { recursive: true });
    await run('tar', ['-xzf', join(work, filename), '-C', target, '--strip-components=1'], process.env, 60_000);
    // The package's peer dependency resolves to the n8n runtime's own copy, as in a real install.
    symlinkSync(join(RUNTIME.modules, 'n8n-workflow'), join(modules, 'n8n-workflow'), 'dir');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const NECTIFI_CREDENTIAL = { id: 'VenueBenchNect01', name: 'Nectifi bench' };
const HEADER_CREDENTIAL = { id: 'VenueBenchHead01', name: 'Nectifi header auth (HTTP Request)' };

function workflow(sandbox: SandboxProcess, rounds: number) {
  const nodes: Array<Record<string, unknown>> = [];
  const order: string[] = [];
  const add = (node: Record<string, unknown>) => {
    nodes.push({ id: `node-${nodes.length}`, position: [nodes.length * 220, 0], typeVersion: 1, parameters: {}, ...node });
    order.push(node.name as string);
  };
  const ours = (name: string, parameters: Record<string, unknown>) =>
    add({ name, type: `${PACKAGE_NAME}.nectifi`, parameters, credentials: { nectifiApi: NECTIFI_CREDENTIAL } });
  const http = (name: string) =>
    add({
      name,
      type: 'n8n-nodes-base.httpRequest',
      typeVersion: 4.2,
      parameters: {
        method: 'GET',
        url: `={{ ${JSON.stringify(`${sandbox.urls.nectifi}/crm/guests/`)} + $json.id }}`,
        authentication: 'genericCredentialType',
        genericAuthType: 'httpHeaderAuth',
        options: {},
      },
      credentials: { httpHeaderAuth: HEADER_CREDENTIAL },
    });
  add({ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} });
  ours('List 100 guests', { resource: 'guest', operation: 'listGuests', returnAll: false, limit: ITEMS });
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so neither always runs on warmer sockets.
    const pair = round % 2 === 0 ? ['ours', 'http'] : ['http', 'ours'];
    for (const which of pair) {
      if (which === 'ours') ours(`Ours ${round + 1}`, { resource: 'guest', operation: 'getGuest', guestId: '={{ $json.id }}' });
      else http(`HTTP Request ${round + 1}`);
    }
  }
  const connections: Record<string, unknown> = {};
  for (let i = 0; i < order.length - 1; i++) connections[order[i]] = { main: [[{ node: order[i + 1], type: 'main', index: 0 }]] };
  return { id: 'VenueBenchWflw01', name: 'venue-connectors bench: ours vs HTTP Request', nodes, connections, active: false, settings: { executionOrder: 'v1' } };
}

interface NodeRun {
  executionTime: number;
  items: number;
}

type RunData = Record<string, Array<{ executionTime: number; data?: { main?: Array<unknown[] | null> } }>>;

/** The run data `n8n execute` logs (one JSON log line whose message is the execution). */
function runDataOf(stdout: string, stderr: string): Record<string, NodeRun[]> {
  let runData: RunData | undefined;
  for (const line of `${stdout}\n${stderr}`.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { message?: unknown };
      if (typeof entry.message !== 'string' || !entry.message.startsWith('{')) continue;
      const execution = JSON.parse(entry.message) as { data?: { resultData?: { runData?: RunData } } };
      runData = execution.data?.resultData?.runData ?? runData;
    } catch {
      /* another log line */
    }
  }
  if (!runData) throw new Error(`n8n execute printed no run data:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
  const out: Record<string, NodeRun[]> = {};
  for (const [name, runs] of Object.entries(runData)) {
    out[name] = runs.map((r) => ({ executionTime: r.executionTime, items: r.data?.main?.[0]?.length ?? 0 }));
  }
  return out;
}

export async function runE2eN8n(options: BenchOptions): Promise<BenchResult> {
  const title = 'End to end: a real n8n runs 100 items through our node vs HTTP Request';
  if (!realN8nInstalled()) {
    const skipped = 'skipped: real n8n not installed';
    return { id: 6, title, text: `${skipped} (no ${RUNTIME.dir}).`, markdown: `${skipped} (no n8n ${RUNTIME.version} in the cache).`, targets: [], data: null, skipped };
  }
  if (options.quick) {
    const skipped = 'skipped in --quick: it boots a real n8n three times (about 40 s); run npm run bench -- --only 6';
    return { id: 6, title, text: `${skipped}.`, markdown: `${skipped}.`, targets: [], data: null, skipped };
  }
  ensureBuilt(options.log);
  const rounds = 6;
  const executions = 2;
  const sandbox = await startSandboxProcess({ nectifiRateLimitPerMinute: 100_000_000 });
  const userFolder = mkdtempSync(join(tmpdir(), 'venue-bench-n8n-'));
  try {
    const env = await n8nEnv(userFolder);
    const t0 = performance.now();
    await installPackage(userFolder);
    const credentials = [
      {
        ...NECTIFI_CREDENTIAL,
        type: 'nectifiApi',
        data: { apiKey: sandbox.keys.nectifi.full, baseUrl: sandbox.urls.nectifi, requestsPerMinute: 10_000, allowHttp: true },
      },
      { ...HEADER_CREDENTIAL, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${sandbox.keys.nectifi.full}` } },
    ];
    const files = { credentials: join(userFolder, 'credentials.json'), workflow: join(userFolder, 'workflow.json') };
    writeFileSync(files.credentials, JSON.stringify(credentials));
    const wf = workflow(sandbox, rounds);
    writeFileSync(files.workflow, JSON.stringify([wf]));
    options.log('  6. importing the credentials and the workflow into a fresh n8n (SQLite in a temp folder)…');
    await run(RUNTIME.node, [RUNTIME.bin, 'import:credentials', `--input=${files.credentials}`], env, 300_000);
    await run(RUNTIME.node, [RUNTIME.bin, 'import:workflow', `--input=${files.workflow}`], env, 300_000);
    const setupS = (performance.now() - t0) / 1000;

    const ours: number[] = [];
    const http: number[] = [];
    const execWall: number[] = [];
    let requestsPerNode = { ours: 0, http: 0 };
    for (let e = 0; e < executions; e++) {
      options.log(`  6. n8n execute ${e + 1}/${executions}…`);
      const before = requestCount(await sandbox.counters(), 'nectifi GET /crm/guests/');
      const t = performance.now();
      const { stdout, stderr } = await run(RUNTIME.node, [RUNTIME.bin, 'execute', `--id=${wf.id}`, '--rawOutput'], env, 600_000);
      execWall.push((performance.now() - t) / 1000);
      const after = requestCount(await sandbox.counters(), 'nectifi GET /crm/guests/');
      const runData = runDataOf(stdout, stderr);
      for (let round = 1; round <= rounds; round++) {
        const a = runData[`Ours ${round}`]?.[0];
        const b = runData[`HTTP Request ${round}`]?.[0];
        if (!a || !b) throw new Error(`round ${round}: no run data (nodes ran: ${Object.keys(runData).join(', ')})`);
        if (a.items !== ITEMS || b.items !== ITEMS) throw new Error(`round ${round}: ${a.items} / ${b.items} items instead of ${ITEMS}`);
        ours.push(a.executionTime);
        http.push(b.executionTime);
      }
      // Every node makes one GET /crm/guests/{id} per item (the list itself is GET /crm/guests).
      requestsPerNode = { ours: (after - before) / (2 * rounds), http: (after - before) / (2 * rounds) };
    }
    const ratio = ratios(ours, http);
    const header = ['node (100 items, one GET each)', 'ms per node run (median, p25–p75)', 'min–max', 'ms per item'];
    const row = (name: string, values: number[]) => {
      const s = summarize(values);
      return [name, fmt(s, 0), `${s.min.toFixed(0)}–${s.max.toFixed(0)}`, (s.median / ITEMS).toFixed(2)];
    };
    const rows = [row(`ours: Nectifi › Get Guest (${PACKAGE_NAME})`, ours), row("n8n's HTTP Request 4.2, header auth", http)];
    const lines = [
      `ratio ours / HTTP Request (of medians): ${ratio.ofMedians.toFixed(2)}× (per-round p25–p75 ${ratio.perRound.p25.toFixed(2)}–${ratio.perRound.p75.toFixed(2)})`,
      `${executions} execution(s) × ${rounds} rounds (${interleavedNote}); n8n ${n8nVersion()} via \`n8n execute\`; times are n8n's own executionTime per node run; ${requestsPerNode.ours.toFixed(0)} sandbox requests per node run; setup (pack, install, import) ${setupS.toFixed(1)} s; each \`n8n execute\` ${execWall.map((s) => s.toFixed(1)).join(' / ')} s wall including n8n's start.`,
      "Our node runs its items one after another; n8n's HTTP Request node sends all of an input's requests at once (Promise.allSettled), so with 100 items it overlaps the round trips.",
    ];
    return {
      id: 6,
      title,
      text: `${table(header, rows)}\n${lines.join('\n')}`,
      markdown: `${mdTable(header, rows)}\n\n${lines.join('\n\n')}`,
      targets: [
        {
          name: '6. end to end, 100 items: ours vs HTTP Request',
          target: 'no target (reported)',
          measured: `${summarize(ours).median.toFixed(0)} ms vs ${summarize(http).median.toFixed(0)} ms (${ratio.ofMedians.toFixed(2)}×)`,
          met: null,
        },
      ],
      data: { rounds, executions, ours: summarize(ours), http: summarize(http), raw: { ours, http }, ratio, execWall, setupS },
    };
  } finally {
    rmSync(userFolder, { recursive: true, force: true });
    await sandbox.close();
  }
}

function n8nVersion(): string {
  return (JSON.parse(readFileSync(join(RUNTIME.modules, 'n8n', 'package.json'), 'utf8')) as { version: string }).version;
}
