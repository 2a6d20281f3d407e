/**
 * Benchmark 6 (only when the default pinned n8n is installed in the cache): a real n8n runs 100 items
 * through our nodes and through n8n's HTTP Request node sending the same requests (a read and a
 * write per vendor, see e2e-cases.ts), with the sandbox answering after 0, 50 and 200 ms: one
 * `n8n execute` per latency, items/s from n8n's own run data (`executionTime`). Our package is
 * installed from its packed tarball into a temporary n8n user folder, as n8n installs a community
 * package. `npm run bench -- --only 6`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureBuilt } from './lib/build';
import { type SandboxProcess, startSandboxProcess } from './lib/sandbox-process';
import { mdTable, median, table } from './lib/stats';
import type { BenchOptions, BenchResult } from './lib/types';
import { type BenchCase, type BenchIds, ITEMS, LIMITED, NECTIFI_BENCH_PER_MINUTE, benchCases, benchCredentials, benchWorkflow, limitedCredential, limitedWorkflow } from './e2e-cases';
import { DEFAULT_REQUESTS_IN_FLIGHT } from '../nodes/common/requests-in-flight';
import { isInstalled, n8nRuntime } from '../scripts/runtime/n8n';

const RUNTIME = n8nRuntime();
const PACKAGE_NAME = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;

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

const LATENCIES = [0, 50, 200];
const ROUNDS = 4;

async function sandboxRequest(url: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${response.status}`);
  return response.json();
}

/** The ids the cases use: a venue of the credential's team, the demo wallet and its currency. */
async function benchIds(sandbox: SandboxProcess): Promise<BenchIds> {
  const venues = (await sandboxRequest(`${sandbox.urls.splash}/api/venues?slug=${sandbox.keys.splash.team}`, { headers: { 'X-API-Key': sandbox.keys.splash.apiKey, Accept: 'application/json' } })) as { data: Array<{ id: number }> };
  return { venueId: venues.data[0].id, walletId: sandbox.keys.anykrowd.walletId, currencyId: sandbox.keys.anykrowd.currencyId };
}

/** What ours can reach at best: its requests in flight over the latency, and the vendor's documented limit. */
function physicalLimit(c: BenchCase, latencyMs: number): { perSecond: number; text: string } {
  const byLatency = latencyMs > 0 ? (DEFAULT_REQUESTS_IN_FLIGHT * 1000) / latencyMs : Infinity;
  // A sliding window of 10,000 a minute lets the 100 items through at once: it binds only beyond that.
  const byRate = c.vendor === 'nectifi' && ITEMS > NECTIFI_BENCH_PER_MINUTE ? NECTIFI_BENCH_PER_MINUTE / 60 : Infinity;
  const perSecond = Math.min(byLatency, byRate);
  if (!Number.isFinite(perSecond)) return { perSecond, text: c.vendor === 'anykrowd' ? '1,000/h allowance' : c.vendor === 'nectifi' ? 'key 10,000/min: 100 at once' : '-' };
  const why = byRate < byLatency ? 'key 10,000/min' : `${DEFAULT_REQUESTS_IN_FLIGHT} in flight / ${latencyMs} ms`;
  return { perSecond, text: `${perSecond.toFixed(0)}/s (${why})` };
}

export async function runE2eN8n(options: BenchOptions): Promise<BenchResult> {
  const title = 'End to end: a real n8n runs 100 items through our nodes vs HTTP Request, at 0, 50 and 200 ms vendor latency';
  if (!realN8nInstalled()) {
    const skipped = 'skipped: real n8n not installed';
    return { id: 6, title, text: `${skipped} (no ${RUNTIME.dir}).`, markdown: `${skipped} (no n8n ${RUNTIME.version} in the cache).`, targets: [], data: null, skipped };
  }
  if (options.quick) {
    const skipped = 'skipped in --quick: it boots a real n8n once per latency (about 2 minutes); run npm run bench -- --only 6';
    return { id: 6, title, text: `${skipped}.`, markdown: `${skipped}.`, targets: [], data: null, skipped };
  }
  ensureBuilt(options.log);
  const sandbox = await startSandboxProcess({ nectifiRateLimitPerMinute: 100_000_000, anykrowdRateLimitPerHour: 1_000_000_000 });
  const limitedSandbox = await startSandboxProcess({ nectifiRateLimitPerMinute: LIMITED.perMinute, latencyMs: LIMITED.latencyMs });
  const userFolder = mkdtempSync(join(tmpdir(), 'venue-bench-n8n-'));
  try {
    const env = await n8nEnv(userFolder);
    const t0 = performance.now();
    await installPackage(userFolder);
    const cases = benchCases(sandbox.urls, sandbox.keys, await benchIds(sandbox), PACKAGE_NAME);
    const files = { credentials: join(userFolder, 'credentials.json'), workflow: join(userFolder, 'workflow.json') };
    writeFileSync(files.credentials, JSON.stringify([...benchCredentials(sandbox.urls, sandbox.keys), limitedCredential(limitedSandbox.urls, limitedSandbox.keys)]));
    const wf = benchWorkflow(cases, ROUNDS, PACKAGE_NAME);
    const limitedWf = limitedWorkflow(PACKAGE_NAME);
    writeFileSync(files.workflow, JSON.stringify([wf, limitedWf]));
    options.log('  6. importing the credentials and the workflow into a fresh n8n (SQLite in a temp folder)…');
    await run(RUNTIME.node, [RUNTIME.bin, 'import:credentials', `--input=${files.credentials}`], env, 300_000);
    rmSync(files.credentials);
    await run(RUNTIME.node, [RUNTIME.bin, 'import:workflow', `--input=${files.workflow}`], env, 300_000);
    const setupS = (performance.now() - t0) / 1000;

    const measured: Record<string, { ours: number[]; http: number[] }> = {};
    const warmUp: Record<string, { ours: number | null; http: number | null }> = {};
    const execWall: number[] = [];
    for (const latency of LATENCIES) {
      await sandboxRequest(`${sandbox.url}/__sandbox/latency`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(latency) });
      options.log(`  6. n8n execute at ${latency} ms vendor latency…`);
      const t = performance.now();
      const { stdout, stderr } = await run(RUNTIME.node, [RUNTIME.bin, 'execute', `--id=${wf.id}`, '--rawOutput'], env, 900_000);
      execWall.push((performance.now() - t) / 1000);
      const runData = runDataOf(stdout, stderr);
      for (const c of cases) {
        const entry = (measured[`${latency} ${c.key}`] = { ours: [] as number[], http: [] as number[] });
        const warm = [runData[`Ours ${c.key} 0`]?.[0], runData[`HTTP ${c.key} 0`]?.[0]];
        warmUp[`${latency} ${c.key}`] = { ours: itemsPerSecond(warm[0]), http: itemsPerSecond(warm[1]) };
        for (let round = 1; round <= ROUNDS; round++) {
          const a = runData[`Ours ${c.key} ${round}`]?.[0];
          const b = runData[`HTTP ${c.key} ${round}`]?.[0];
          if (!a || !b) throw new Error(`${c.key} round ${round}: no run data (nodes ran: ${Object.keys(runData).join(', ')})`);
          if (a.items !== ITEMS) throw new Error(`${c.key} round ${round}: ours gave ${a.items} items instead of ${ITEMS}`);
          entry.ours.push((ITEMS * 1000) / a.executionTime);
          entry.http.push((ITEMS * 1000) / b.executionTime);
        }
      }
    }
    await sandboxRequest(`${sandbox.url}/__sandbox/latency`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '0' });

    options.log(`  6. n8n execute under a rate limit: ${LIMITED.items} items on a key of ${LIMITED.perMinute}/min at ${LIMITED.latencyMs} ms (about a minute)…`);
    await sandboxRequest(`${limitedSandbox.url}/__sandbox/counters/reset`, { method: 'POST' });
    const limitedOut = await run(RUNTIME.node, [RUNTIME.bin, 'execute', `--id=${limitedWf.id}`, '--rawOutput'], env, 600_000);
    const limitedRun = runDataOf(limitedOut.stdout, limitedOut.stderr);
    const limitedNode = limitedRun['Ours limited']?.[0];
    if (!limitedNode || limitedNode.items !== LIMITED.items) throw new Error(`rate-limited run: ${limitedNode?.items ?? 0} items instead of ${LIMITED.items}`);
    const limitedCounters = (await sandboxRequest(`${limitedSandbox.url}/__sandbox/counters`)) as { statuses: Record<string, number> };
    const tooMany = limitedCounters.statuses['nectifi 429'] ?? 0;
    // A sliding window of N per minute lets N requests through at once and the next N a minute after
    // the first: the List request plus the items need this long at the least.
    const minimumS = Math.floor(LIMITED.items / LIMITED.perMinute) * 60 + LIMITED.latencyMs / 1000;
    const limitedS = limitedNode.executionTime / 1000;
    const limitedShare = minimumS / limitedS;

    const header = ['latency', 'case (100 items)', 'ours items/s', 'HTTP Request items/s', 'ours / HTTP', 'limit for ours'];
    const rows: string[][] = [];
    const targets: BenchResult['targets'] = [];
    for (const latency of LATENCIES) {
      for (const c of cases) {
        const { ours, http } = measured[`${latency} ${c.key}`];
        const ratio = median(ours) / median(http);
        const limit = physicalLimit(c, latency);
        rows.push([`${latency} ms`, c.label, median(ours).toFixed(0), median(http).toFixed(0), `${ratio.toFixed(2)}×`, limit.text]);
        if (latency === 50 && c.kind === 'read') {
          targets.push({ name: `6. ${c.label} at 50 ms: ours vs HTTP Request`, target: '≥ 0.9× items/s', measured: `${ratio.toFixed(2)}× (${median(ours).toFixed(0)} vs ${median(http).toFixed(0)} items/s)`, met: ratio >= 0.9 });
        }
      }
    }
    targets.push({
      name: `6. under a rate limit (${LIMITED.items} items, key at ${LIMITED.perMinute}/min, ${LIMITED.latencyMs} ms)`,
      target: '≥ 0.8× of what the limit allows, 0 429s',
      measured: `${limitedShare.toFixed(2)}× (${limitedS.toFixed(1)} s against ${minimumS.toFixed(1)} s at least), ${tooMany} 429s`,
      met: limitedShare >= 0.8 && tooMany === 0,
    });
    const lines = [
      `Under a rate limit: ${LIMITED.items} Get Guest items on a Nectifi key limited to ${LIMITED.perMinute} requests a minute (the credential set to the same), ${LIMITED.latencyMs} ms latency: ${limitedS.toFixed(1)} s, where the limit allows it in ${minimumS.toFixed(1)} s at the least (${limitedShare.toFixed(2)}×); the sandbox answered ${tooMany} requests with 429.`,
      `${ROUNDS} rounds per latency in one \`n8n execute\` each, after a warm-up round that is not counted (its figures are in the JSON; the first nodes after n8n starts pay for n8n's own first-use work); the pair's order alternates every round; n8n ${n8nVersion()} on Node ${RUNTIME.nodeMajor}; items/s from n8n's own executionTime of each node run (median of the rounds); our nodes at their default Requests in Flight (${DEFAULT_REQUESTS_IN_FLIGHT}), HTTP Request at its default (every item at once); the sandbox adds the latency before each answer; setup ${setupS.toFixed(1)} s; each \`n8n execute\` ${execWall.map((s) => s.toFixed(1)).join(' / ')} s wall.`,
      'Writes marked "continue on fail" run with the node setting On Error: Continue, the only way ours overlaps writes that are not safe to repeat (a top-up, a voucher); without it they run one at a time, at most 1000/latency items/s.',
      'Limit for ours: its requests in flight over the latency, or the vendor\'s documented rate where lower (Nectifi: the key\'s 10,000/min here, a sliding window that lets 100 items through at once; anykrowd documents 1,000 requests an hour, which 100 items fit in). On two cores shared by n8n and the sandbox, both nodes are bound by CPU (300–400 items/s) well before that limit at 0 and 50 ms.',
    ];
    return {
      id: 6,
      title,
      text: `${table(header, rows)}\n${lines.join('\n')}`,
      markdown: `${mdTable(header, rows)}\n\n${lines.join('\n\n')}`,
      targets,
      data: { latencies: LATENCIES, rounds: ROUNDS, warmUp, items: ITEMS, measured, execWall, setupS, limited: { ...LIMITED, seconds: limitedS, minimumS, share: limitedShare, tooMany } },
    };
  } finally {
    rmSync(userFolder, { recursive: true, force: true });
    await sandbox.close();
    await limitedSandbox.close();
  }
}

function itemsPerSecond(run: NodeRun | undefined): number | null {
  return run ? (ITEMS * 1000) / run.executionTime : null;
}

function n8nVersion(): string {
  return (JSON.parse(readFileSync(join(RUNTIME.modules, 'n8n', 'package.json'), 'utf8')) as { version: string }).version;
}
