import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '../../test/sandbox';
import { type RunningDemo, n8nEnv, startDemo } from './demo';
import { execFileSync } from 'node:child_process';
import { type N8nRuntime, defaultVersion, ensureN8n } from '../runtime/n8n';
import { PACKAGE_NAME, ROOT } from './paths';
import { type Log, exited, formatMs, freePort, sleep, spawnGuarded, stopGuarded } from './proc';
import { type CredentialType, type DemoWorkflow, loadDemoWorkflows, sandboxCredentials } from './setup';
import { type RunData, parseExecuteOutput } from './execute-output';

export interface HeadlessOptions {
  /** n8n user folder; default: a fresh temporary folder, removed afterwards unless `keep` or a failure. */
  dataDir?: string;
  keep?: boolean;
  /** Preferred n8n port (default: any free port). */
  port?: number;
  /** A running sandbox to use (the test passes its own to inspect the state); default: one started here. */
  sandbox?: Sandbox;
  /** A pinned n8n version; default: the newest pinned 2.x. */
  n8nVersion?: string;
  log: Log;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface WorkflowRun {
  id: string;
  name: string;
  via: 'n8n execute' | 'signed webhook';
  ok: boolean;
  ms: number;
  /** Items out of each node that ran, in execution order. */
  items: Array<[string, number]>;
  /** What the run produced, a few lines for the console. */
  lines: string[];
  /** The items of the node that holds the result (the voucher, the top-up, the summary...). */
  output: Array<Record<string, unknown>>;
  error?: string;
}

export interface Effects {
  vouchers: Array<{ id: number; code: string; venue_id: number }>;
  topUps: Array<{ nanoid: string; amount: string; wallet_id: number }>;
  emails: Array<{ request_id: number; template_slug: string; recipient: string }>;
  guestsCreated: number;
}

export interface HeadlessReport {
  ok: boolean;
  n8nVersion: string;
  nodeVersion: string;
  /** Time spent installing n8n into the cache (0 when it was there). */
  installMs: number;
  checks: Check[];
  runs: WorkflowRun[];
  effects: Effects;
  ms: number;
  dataDir: string;
}

async function nodeVersionOf(runtime: N8nRuntime): Promise<string> {
  return execFileSync(runtime.node, ['--version'], { encoding: 'utf8' }).trim();
}

/** `text` with every sandbox secret (raw, URL-encoded, base64) replaced by [redacted]. */
export function redactKeys(text: string, sandbox: Sandbox): string {
  const { nectifi, splash, smartwifi, anykrowd } = sandbox.keys;
  const secrets = [nectifi.full, nectifi.readOnly, nectifi.crmOnly, nectifi.revoked, nectifi.ipBlocked, nectifi.webhookSecret, splash.apiKey, smartwifi.apiToken, anykrowd.apiKey, anykrowd.apiKey.split('|')[1] ?? '']
    .filter((s) => s.length >= 8)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of secrets) {
    for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]) out = out.split(form).join('[redacted]');
  }
  return out;
}

/** The node whose output is "the result" of each demo. */
const RESULT_NODE: Record<string, string> = {
  vcDemo1WifiGuest: 'Send welcome email',
  vcDemo2SplashVch: 'Create WiFi voucher',
  vcDemo3NectTopup: 'Top up anykrowd wallet',
  vcDemo4WifiExprt: 'Most connections first',
};

/** Every node type of the package, read from the built node files (`<package>.<name>`). */
export function packageNodeTypes(): string[] {
  const types: string[] = [];
  const nodesDir = join(ROOT, 'dist', 'nodes');
  for (const dir of readdirSync(nodesDir)) {
    for (const file of readdirSync(join(nodesDir, dir)).filter((f) => f.endsWith('.node.js'))) {
      const mod = require(join(nodesDir, dir, file)) as Record<string, new () => { description: { name: string } }>;
      for (const NodeClass of Object.values(mod)) types.push(`${PACKAGE_NAME}.${new NodeClass().description.name}`);
    }
  }
  return types.sort();
}

interface Baseline {
  vouchers: number;
  transactions: number;
  emailIds: Set<number>;
  guestsCreated: number;
}

function baseline(sandbox: Sandbox): Baseline {
  const st = sandbox.state;
  return {
    vouchers: st.splash.vouchers.length,
    transactions: st.anykrowd.transactions.length,
    emailIds: new Set(st.nectifi.emails.keys()),
    guestsCreated: sandbox.counters.get().applied['nectifi POST /crm/guests'] ?? 0,
  };
}

function effectsSince(sandbox: Sandbox, base: Baseline): Effects {
  const st = sandbox.state;
  return {
    vouchers: st.splash.vouchers.slice(base.vouchers).map((v) => ({ id: v.id, code: v.code, venue_id: v.venue_id })),
    topUps: st.anykrowd.transactions
      .slice(base.transactions)
      .filter((t) => t.type === 'top_up' && t.direction === 'CREDIT')
      .map((t) => ({ nanoid: t.nanoid, amount: (t.amount_cents / 100).toFixed(2), wallet_id: t.wallet_id })),
    emails: [...st.nectifi.emails.values()]
      .filter((e) => !base.emailIds.has(e.request_id))
      .map((e) => ({ request_id: e.request_id, template_slug: e.template_slug, recipient: e.recipient })),
    guestsCreated: (sandbox.counters.get().applied['nectifi POST /crm/guests'] ?? 0) - base.guestsCreated,
  };
}

function nodeItems(run: RunData, node: string): Array<Record<string, unknown>> {
  const main = run.data.resultData.runData[node]?.[0]?.data?.main ?? [];
  return main.flatMap((branch) => (branch ?? []).map((item) => item.json));
}

function describe(id: string, output: Array<Record<string, unknown>>, items: Array<[string, number]>): string[] {
  const count = (name: string) => items.find(([n]) => n === name)?.[1] ?? 0;
  switch (id) {
    case 'vcDemo1WifiGuest':
      return [
        `${count('Recent connections')} connections read, ${count('One per guest')} guests with an email, ${count('Create guest')} created and ${count('Update guest')} updated in Nectifi`,
        `${output.length} welcome emails ${[...new Set(output.map((e) => String(e.status)))].join('/')} (Nectifi requests ${output.map((e) => String(e.request_id)).join(', ')})`,
      ];
    case 'vcDemo2SplashVch':
      return output.map((v) => `voucher ${String(v.code)} (id ${String(v.id)}) at venue ${String(v.venue_id)}, ${String(v.number_of_days)} day(s)`);
    case 'vcDemo3NectTopup':
      return output.map((t) => `top-up ${String(t.amount)} (nanoid ${String(t.nanoid)}), balance after ${String(t.balance_after)}`);
    case 'vcDemo4WifiExprt':
      return [
        `${count('Connections, last 30 days')} connections in the last 30 days, ${output.length} hotspots:`,
        ...output.map((r) => `  ${String(r.hotspot).padEnd(18)} ${String(r.connections).padStart(6)} connections ${String(r.unique_guests).padStart(6)} guests ${String(r.downloaded_gb).padStart(8)} GB down`),
      ];
    default:
      return output.slice(0, 3).map((o) => JSON.stringify(o).slice(0, 200));
  }
}

/**
 * Runs one demo workflow through the real CLI: `n8n execute --id <id> --rawOutput`. Its output goes
 * to a file, not a pipe: n8n exits right after printing the run data (megabytes for demo 4), and
 * writes to a pipe still pending at exit would be lost.
 */
export async function executeWorkflow(runtime: N8nRuntime, dataDir: string, wf: DemoWorkflow, timeoutMs = 300_000): Promise<WorkflowRun> {
  const started = Date.now();
  const env = runtime.env(n8nEnv(dataDir, await freePort(), await freePort()));
  const outFile = join(dataDir, `execute-${wf.id}.log`);
  writeFileSync(outFile, '');
  const child = spawnGuarded(runtime.node, [runtime.bin, 'execute', '--id', wf.id, '--rawOutput'], { env, logFile: outFile });
  const timer = setTimeout(() => void stopGuarded(child, 10_000), timeoutMs);
  const code = await exited(child);
  clearTimeout(timer);
  const stdout = readFileSync(outFile, 'utf8');
  const run = parseExecuteOutput(stdout);
  const base = { id: wf.id, name: wf.name, via: 'n8n execute' as const, ms: Date.now() - started };
  if (!run) {
    const tail = stdout.trim().split('\n').slice(-15).join('\n');
    return { ...base, ok: false, items: [], lines: [], output: [], error: `n8n execute exited with ${code} and printed no run data:\n${tail}` };
  }
  const runData = run.data.resultData.runData;
  const items = Object.keys(runData).map((node): [string, number] => [node, nodeItems(run, node).length]);
  const output = nodeItems(run, RESULT_NODE[wf.id] ?? run.data.resultData.lastNodeExecuted ?? '');
  const failed = run.data.resultData.error;
  // `n8n execute` starts at the first trigger in the file: the demos put "Run once now" first.
  const fromManualTrigger = wf.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger' && n.name in runData);
  const ok = code === 0 && !failed && output.length > 0 && fromManualTrigger;
  return {
    ...base,
    ok,
    items,
    output,
    lines: describe(wf.id, output, items),
    error: ok
      ? undefined
      : failed
        ? `${failed.node?.name ?? 'workflow'}: ${failed.message ?? 'failed'}${failed.description ? ` (${failed.description})` : ''}`
        : `exit ${code}, ${output.length} result items${fromManualTrigger ? '' : ', did not start at the manual trigger'}`,
  };
}

interface ExecutionSummary {
  id: string;
  status: string;
  mode?: string;
}

async function waitForExecution(demo: RunningDemo, workflowId: string, known: Set<string>, timeoutMs: number): Promise<ExecutionSummary | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const filter = encodeURIComponent(JSON.stringify({ workflowId }));
    const list = await demo.rest.request<{ results?: ExecutionSummary[] } | ExecutionSummary[]>('GET', `/rest/executions?filter=${filter}`);
    const results = Array.isArray(list) ? list : (list.results ?? []);
    const done = results.find((e) => !known.has(e.id) && !['new', 'running', 'waiting'].includes(e.status));
    if (done) return done;
    await sleep(500);
  }
  return undefined;
}

async function listExecutionIds(demo: RunningDemo, workflowId: string): Promise<Set<string>> {
  const filter = encodeURIComponent(JSON.stringify({ workflowId }));
  const list = await demo.rest.request<{ results?: ExecutionSummary[] } | ExecutionSummary[]>('GET', `/rest/executions?filter=${filter}`);
  return new Set((Array.isArray(list) ? list : (list.results ?? [])).map((e) => e.id));
}

/**
 * The webhook demo the way it runs for real: the workflow is active in `n8n start`, the sandbox
 * signs a Nectifi event and delivers it to the production URL, n8n verifies the signature and runs
 * the workflow. An unsigned delivery to the same URL must be refused.
 */
async function runWebhookDemo(demo: RunningDemo, sandbox: Sandbox, wf: DemoWorkflow, checks: Check[]): Promise<WorkflowRun> {
  const started = Date.now();
  const webhook = demo.webhook;
  const base = { id: wf.id, name: wf.name, via: 'signed webhook' as const, items: [] };
  if (!webhook) return { ...base, ok: false, ms: 0, lines: [], output: [], error: 'no Nectifi Trigger in the webhook demo' };

  const unsigned = await fetch(webhook.productionUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ event: 'guest.created', tenant_id: 1, payload: { guest_id: 1 }, timestamp: new Date().toISOString() }),
  });
  await unsigned.arrayBuffer();
  checks.push({ name: 'unsigned webhook delivery refused', ok: unsigned.status === 401, detail: `HTTP ${unsigned.status}` });

  const known = await listExecutionIds(demo, wf.id);
  const before = sandbox.state.anykrowd.transactions.length;
  const emitted = await fetch(`${sandbox.url}/__sandbox/webhooks/emit?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ event: 'guest.created', payload: { guest_id: 4242, location_id: 1, portal_id: 1, name: 'Headless Demo', email: 'headless.demo@example.com' } }),
  });
  const { deliveries } = (await emitted.json()) as { deliveries: Array<{ url: string; status: number | null; error: string | null }> };
  const production = deliveries.find((d) => d.url === webhook.productionUrl);
  const delivered = production?.status === 200;
  checks.push({ name: 'signed delivery accepted by the active workflow', ok: delivered, detail: `HTTP ${production?.status ?? production?.error ?? 'not sent'}` });
  const execution = delivered ? await waitForExecution(demo, wf.id, known, 60_000) : undefined;
  const topUps = sandbox.state.anykrowd.transactions.slice(before).filter((t) => t.type === 'top_up');
  const output = topUps.map((t) => ({ amount: (t.amount_cents / 100).toFixed(2), nanoid: t.nanoid, balance_after: (t.balance_after_cents / 100).toFixed(2) }));
  const ok = execution?.status === 'success' && topUps.length === 1;
  return {
    ...base,
    ok,
    ms: Date.now() - started,
    output,
    lines: [
      `sandbox signed guest.created -> ${webhook.productionUrl.replace(demo.url, '')}: HTTP ${production?.status ?? '-'}; execution ${execution?.id ?? '-'} ${execution?.status ?? 'not seen'}`,
      ...describe(wf.id, output, []),
    ],
    error: ok ? undefined : `execution ${execution?.status ?? 'not seen'}, ${topUps.length} top-ups`,
  };
}

async function serverChecks(demo: RunningDemo, workflows: DemoWorkflow[]): Promise<Check[]> {
  const checks: Check[] = [];
  const health = await fetch(`${demo.url}/healthz`);
  const healthBody = (await health.json()) as { status?: string };
  checks.push({ name: '/healthz ok', ok: health.ok && healthBody.status === 'ok', detail: JSON.stringify(healthBody) });

  const types = await demo.rest.request<Array<{ name: string }>>('GET', '/types/nodes.json');
  const have = new Set(types.map((t) => t.name));
  const expected = packageNodeTypes();
  const missing = expected.filter((t) => !have.has(t));
  checks.push({ name: `/types/nodes.json has all ${expected.length} package nodes`, ok: missing.length === 0, detail: missing.length ? `missing ${missing.join(', ')}` : expected.map((t) => t.split('.')[1]).join(', ') });

  const credentials = await demo.rest.request<Array<{ name: string; type: string }>>('GET', '/rest/credentials');
  const wanted = ['nectifiApi', 'splashAirApi', 'smartWifiApi', 'anykrowdApi'];
  const credentialTypes = new Set(credentials.map((c) => c.type));
  checks.push({ name: 'four sandbox credentials', ok: wanted.every((t) => credentialTypes.has(t)), detail: credentials.map((c) => c.name).join(', ') });

  const list = await demo.rest.request<Array<{ id: string; name: string }> | { data: Array<{ id: string }> }>('GET', '/rest/workflows');
  const ids = new Set((Array.isArray(list) ? list : list.data).map((w) => w.id));
  const absent = workflows.filter((w) => !ids.has(w.id));
  checks.push({ name: `${workflows.length} demo workflows imported`, ok: absent.length === 0, detail: absent.length ? `missing ${absent.map((w) => w.id).join(', ')}` : workflows.map((w) => w.id).join(', ') });
  return checks;
}

/** Each credential's own test (the editor's "Test" / save), through n8n's REST API against the sandbox. */
async function credentialTests(demo: RunningDemo, sandbox: Sandbox): Promise<Check[]> {
  const checks: Check[] = [];
  const test = async (type: CredentialType, data: Record<string, unknown>) => {
    const ref = demo.credentials[type];
    return await demo.rest
      .request<{ status?: string; message?: string }>('POST', '/rest/credentials/test', { credentials: { id: ref.id, name: ref.name, type, data } })
      .catch((error: Error) => ({ status: 'Error', message: error.message }));
  };
  const sandboxData = Object.fromEntries(sandboxCredentials(sandbox).map((c) => [c.type, c.data])) as Record<CredentialType, Record<string, unknown>>;
  for (const credential of sandboxCredentials(sandbox)) {
    const result = await test(credential.type, credential.data);
    checks.push({ name: `credential test: ${credential.name}`, ok: result.status === 'OK', detail: `${result.status ?? '?'}${result.message ? ` (${result.message})` : ''}` });
  }
  for (const refusal of credentialRefusals(sandbox, sandboxData)) {
    sandbox.counters.reset();
    const result = await refusal.around(() => test(refusal.type, refusal.data));
    const requests = Object.values(sandbox.counters.get().requests).reduce((sum, n) => sum + n, 0);
    const ok = result.status === refusal.status && refusal.message.test(result.message ?? '') && (!refusal.sendsNothing || requests === 0);
    checks.push({ name: `credential test: ${refusal.name}`, ok, detail: `${result.status ?? '?'} (${result.message ?? ''})${refusal.sendsNothing ? `, ${requests} requests sent` : ''}` });
  }
  return checks;
}

interface Refusal {
  name: string;
  type: CredentialType;
  data: Record<string, unknown>;
  status: 'OK' | 'Error';
  message: RegExp;
  sendsNothing?: boolean;
  around<T>(run: () => Promise<T>): Promise<T>;
}

/** The credential-test answers of issue 13 (cases 4 and 5), each as a user would meet it. */
function credentialRefusals(sandbox: Sandbox, data: Record<CredentialType, Record<string, unknown>>): Refusal[] {
  const plain = (run: () => Promise<never>) => run();
  const nectifiKey = (apiKey: string) => ({ ...data.nectifiApi, apiKey });
  const plainHttp = (type: CredentialType, label: string): Refusal => ({
    name: `${type} http:// URL, Allow Plain HTTP off`,
    type,
    data: { ...data[type], allowHttp: false },
    status: 'Error',
    message: new RegExp(`^The ${label} starts with http:// and Allow Plain HTTP is off, so nothing was sent`),
    sendsNothing: true,
    around: plain,
  });
  return [
    {
      name: 'Nectifi guest list as a bare array',
      type: 'nectifiApi',
      data: data.nectifiApi,
      status: 'OK',
      message: /^Connection successful!$/,
      async around(run) {
        sandbox.nectifiListShape = 'bare';
        return await run().finally(() => (sandbox.nectifiListShape = 'envelope'));
      },
    },
    {
      name: 'Nectifi monthly quota used up',
      type: 'nectifiApi',
      data: nectifiKey(sandbox.keys.nectifi.readOnly),
      status: 'Error',
      message: /^Nectifi answered HTTP 429 "api_monthly_quota_exceeded": the monthly API quota/,
      async around(run) {
        const key = sandbox.state.nectifi.apiKeys.get(sandbox.keys.nectifi.readOnly)!;
        const used = key.monthlyUsed;
        key.monthlyUsed = key.monthlyQuota;
        return await run().finally(() => (key.monthlyUsed = used));
      },
    },
    { name: 'Nectifi revoked key', type: 'nectifiApi', data: nectifiKey(sandbox.keys.nectifi.revoked), status: 'Error', message: /^Nectifi answered HTTP 401 "API key has been revoked": .*Create a new key/, around: plain },
    {
      name: 'Nectifi key behind an IP allowlist',
      type: 'nectifiApi',
      data: nectifiKey(sandbox.keys.nectifi.ipBlocked),
      status: 'Error',
      message: /^Nectifi answered HTTP 403 "IP address not allowed for this API key": .*allowlist/,
      around: plain,
    },
    plainHttp('nectifiApi', 'Base URL'),
    plainHttp('splashAirApi', 'Host'),
    plainHttp('smartWifiApi', 'Base URL'),
    plainHttp('anykrowdApi', 'Tenant URL'),
  ];
}

/**
 * `npm start -- --headless`: a fresh n8n with the package and the demo, the server checks, the
 * webhook demo through a signed delivery, then every demo workflow once through `n8n execute`,
 * and the sandbox's state checked for their effects (a voucher, a top-up, an email).
 */
export async function runHeadless(options: HeadlessOptions): Promise<HeadlessReport> {
  const started = Date.now();
  const ownSandbox = !options.sandbox;
  const sandbox = options.sandbox ?? (await startSandbox({ port: 0, quiet: true }));
  // What this prints may include a vendor error; the sandbox's keys never show, even then.
  const log: Log = (line) => options.log(redactKeys(line, sandbox));
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'venue-connectors-demo-'));
  const checks: Check[] = [];
  const runs: WorkflowRun[] = [];
  const base = baseline(sandbox);
  const workflows = loadDemoWorkflows();
  let demo: RunningDemo | undefined;
  let runtime: N8nRuntime | undefined;
  let installMs = 0;
  try {
    log(`Headless demo run: sandbox ${sandbox.url}, n8n data ${dataDir}`);
    const installed = await ensureN8n(options.n8nVersion ?? defaultVersion(), log);
    installMs = installed.installMs;
    demo = await startDemo({ dataDir, sandbox, port: options.port ?? 0, log, n8nVersion: installed.version });
    runtime = demo.runtime;
    log(`n8n ${demo.n8nVersion} (Node ${runtime.nodeMajor}) up at ${demo.url} after ${formatMs(Date.now() - started)}`);
    checks.push(...(await serverChecks(demo, workflows)));
    checks.push(...(await credentialTests(demo, sandbox)));

    const webhookWorkflow = workflows.find((w) => w.id === demo?.webhook?.workflowId);
    if (webhookWorkflow) runs.push(await runWebhookDemo(demo, sandbox, webhookWorkflow, checks));
    await demo.stop();
    demo = undefined;

    for (const wf of workflows) {
      log(`n8n execute --id ${wf.id}  (${wf.name})`);
      runs.push(await executeWorkflow(runtime, dataDir, wf));
      const run = runs[runs.length - 1];
      for (const line of run.lines) log(`    ${line}`);
      if (!run.ok) log(`    FAILED: ${run.error}`);
    }
  } catch (error) {
    checks.push({ name: 'demo started and ran', ok: false, detail: (error as Error).message });
  } finally {
    await demo?.stop();
  }

  const effects = effectsSince(sandbox, base);
  checks.push(
    { name: 'sandbox: a WiFi voucher created', ok: effects.vouchers.length > 0, detail: effects.vouchers.map((v) => v.code).join(', ') || 'none' },
    { name: 'sandbox: anykrowd top-ups recorded (webhook + CLI)', ok: effects.topUps.length >= 2, detail: effects.topUps.map((t) => `${t.amount} ${t.nanoid}`).join(', ') || 'none' },
    { name: 'sandbox: a welcome email delivery recorded', ok: effects.emails.some((e) => e.template_slug === 'welcome_email'), detail: `${effects.emails.length} emails, ${effects.guestsCreated} Nectifi guests created` },
  );
  const ok = checks.every((c) => c.ok) && runs.length === workflows.length + 1 && runs.every((r) => r.ok);
  const report: HeadlessReport = {
    ok,
    n8nVersion: runtime?.version ?? options.n8nVersion ?? defaultVersion(),
    nodeVersion: runtime ? await nodeVersionOf(runtime) : '',
    installMs,
    checks,
    runs,
    effects,
    ms: Date.now() - started,
    dataDir,
  };
  log('');
  log('Results:');
  for (const run of runs) {
    log(`  ${run.ok ? 'ok  ' : 'FAIL'} ${run.name}  [${run.via}, ${formatMs(run.ms)}]`);
    for (const line of run.lines) log(`         ${line}`);
    if (run.error) log(`         error: ${run.error}`);
  }
  log('Checks:');
  for (const check of checks) log(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
  log(`Headless demo ${ok ? 'passed' : 'FAILED'} in ${formatMs(report.ms)}.`);

  if (ownSandbox) await sandbox.close();
  if (!options.dataDir) {
    if (ok && !options.keep) rmSync(dataDir, { recursive: true, force: true });
    else log(`n8n data kept in ${dataDir} (n8n.log there)`);
  }
  return report;
}
