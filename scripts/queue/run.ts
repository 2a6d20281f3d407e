/**
 * `npm run test:queue`: the package in n8n queue mode. Postgres and Redis of its own, a main
 * instance, two workers and a webhook process (one user folder each, the packed package in each),
 * then: signed webhook deliveries with simultaneous duplicates (one execution, one top-up each),
 * every execution on a worker, and a burst through one rate-limited Nectifi key with a worker
 * stopped mid-way. Everything is stopped by PID; the last line has the figures.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../test/sandbox';
import { defaultVersion, ensureN8n } from '../runtime/n8n';
import { N8nRest } from '../start/n8n-rest';
import { buildPackage } from '../start/package-install';
import { formatMs, freePort, sleep } from '../start/proc';
import { importWorkflows, loadDemoWorkflows, upsertCredentials } from '../start/setup';
import { type N8nProcess, type QueueSettings, startN8nProcess, waitReady } from './cluster';
import { post, signedDelivery } from './deliveries';
import { type ExecutionRow, waitForExecutions } from './executions';
import { type Service, ensureSystemPackages, startPostgres, startRedis } from './services';
import { busiestWindow, startWireLog } from './wire-log';

const DEMO3 = 'vcDemo3NectTopup';
const BURST_WORKFLOW = 'vcQueueBurst0001';
const BURST = 90;
const KEY_LIMIT = 60;
const log = (line: string) => console.log(line);

const figures = { executions: 0, lost: 0, duplicated: 0, failed: 0, r429: 0, longestWaitMs: 0, busiestWindow: 0 };
const problems: string[] = [];
const check = (ok: boolean, what: string) => {
  log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) problems.push(what);
};

async function main(): Promise<void> {
  const started = Date.now();
  const phases: Array<[string, number]> = [];
  let mark = Date.now();
  const phase = (name: string) => {
    phases.push([name, Date.now() - mark]);
    log(`--- ${name}: ${formatMs(Date.now() - mark)}`);
    mark = Date.now();
  };
  const root = mkdtempSync(join(tmpdir(), 'vc-queue-'));
  const services: Service[] = [];
  const n8n: N8nProcess[] = [];
  let keep = false;
  let closeSandbox: (() => Promise<void>) | undefined;
  try {
    const aptMs = await ensureSystemPackages(log);
    const runtime = await ensureN8n(defaultVersion(), log);
    await buildPackage();
    log(`n8n ${runtime.version} on Node ${runtime.nodeMajor}; apt ${formatMs(aptMs)}; work folder ${root}`);
    phase('tools (apt, n8n, build)');

    const pgPort = await freePort();
    services.push(await startPostgres(join(root, 'postgres'), pgPort, log));
    const redisPort = await freePort();
    services.push(await startRedis(join(root, 'redis'), redisPort, log));
    const sandbox = await startSandbox({ quiet: true });
    closeSandbox = () => sandbox.close();
    const wire = await startWireLog(sandbox.url);
    services.push({ name: 'wire log', child: undefined as never, stop: wire.close });
    const settings: QueueSettings = { postgresPort: pgPort, redisPort, encryptionKey: randomBytes(24).toString('base64url'), gracefulShutdownSeconds: 90 };
    phase('postgres, redis, sandbox');

    const mainProc = await startN8nProcess(runtime, 'main', 'main', root, settings, log);
    n8n.push(mainProc);
    await waitReady(mainProc);
    const rest = new N8nRest(`http://127.0.0.1:${mainProc.port}`);
    await rest.ownerSetupOrLogin({ email: 'queue@venue-connectors.local', password: `Vc9-${randomBytes(9).toString('base64url')}`, firstName: 'Queue', lastName: 'Test' });
    const credentials = await upsertCredentials(rest, sandbox);
    const burstCredential = await rest.request<{ id: string }>('POST', '/rest/credentials', {
      type: 'nectifiApi',
      name: 'Nectifi, one key shared by two workers',
      data: { apiKey: sandbox.keys.nectifi.readOnly, baseUrl: `${wire.url}/nectifi/api/v1/external/v1`, requestsPerMinute: KEY_LIMIT, sharingProcesses: 2, allowHttp: true },
    });
    const demo3 = loadDemoWorkflows().filter((wf) => wf.id === DEMO3);
    await importWorkflows(rest, credentials, root, demo3);
    await rest.request('POST', '/rest/workflows', burstWorkflow(burstCredential.id));
    for (const id of [DEMO3, BURST_WORKFLOW]) {
      const wf = await rest.request<{ versionId: string }>('GET', `/rest/workflows/${id}`);
      await rest.request('POST', `/rest/workflows/${id}/activate`, { versionId: wf.versionId });
    }
    phase('main instance (migrations, owner, credentials, workflows)');

    const others = await Promise.all([
      startN8nProcess(runtime, 'worker-1', 'worker', root, settings, log),
      startN8nProcess(runtime, 'worker-2', 'worker', root, settings, log),
      startN8nProcess(runtime, 'webhook-1', 'webhook', root, settings, log),
    ]);
    n8n.push(...others);
    await Promise.all(others.map((p) => waitReady(p)));
    const [worker1, worker2, webhook] = others;
    for (const p of n8n) check(!/Unrecognized node type|Error loading package/i.test(p.log()), `${p.name} loaded the package from its own user folder`);
    phase('two workers and a webhook process');

    await webhookDeliveries(sandbox, webhook, pgPort);
    phase('signed webhook deliveries');

    await burst(webhook, worker1, pgPort, wire.entries);
    phase('burst on one rate-limited key, a worker stopped mid-way');

    const onWorkers = [worker1, worker2].reduce((sum, w) => sum + (w.log().match(/Worker started execution/g)?.length ?? 0), 0);
    const onMain = (mainProc.log() + webhook.log()).match(/Worker started execution/g)?.length ?? 0;
    check(onWorkers === figures.executions && onMain === 0, `every execution ran on a worker (${onWorkers} of ${figures.executions}: worker-1 and worker-2)`);
  } catch (error) {
    problems.push((error as Error).message);
    console.error(`\n${(error as Error).stack ?? String(error)}`);
    keep = true;
  } finally {
    const stopping = Date.now();
    await Promise.all(n8n.reverse().map((p) => p.stop()));
    for (const s of services.reverse()) await s.stop();
    await closeSandbox?.();
    log(`--- teardown (every process stopped by its PID): ${formatMs(Date.now() - stopping)}`);
    if (keep) log(`Kept ${root} (logs of every process) for a look.`);
    else rmSync(root, { recursive: true, force: true });
  }
  log(`Phases: ${phases.map(([name, ms]) => `${name} ${formatMs(ms)}`).join('; ')}`);
  if (problems.length) log(`FAILED: ${problems.join(' | ')}`);
  log(
    `queue mode (main + 2 workers + webhook process, n8n ${defaultVersion()}) in ${formatMs(Date.now() - started)}: ${figures.executions} executions, ${figures.failed} failed, ${figures.r429} 429s, busiest 60 s window ${figures.busiestWindow}/${KEY_LIMIT}, longest wait ${formatMs(figures.longestWaitMs)}, ${figures.lost} lost, ${figures.duplicated} duplicated`,
  );
  process.exitCode = problems.length || figures.lost || figures.duplicated ? 1 : 0;
}

/** A webhook (answered at once) starting one Nectifi read with the shared key. */
function burstWorkflow(credentialId: string) {
  return {
    id: BURST_WORKFLOW,
    name: 'Queue test: burst on one Nectifi key',
    settings: { executionOrder: 'v1' },
    connections: { 'Burst request': { main: [[{ node: 'Get guest', type: 'main', index: 0 }]] } },
    nodes: [
      {
        id: randomUUID(),
        name: 'Burst request',
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [0, 0],
        webhookId: randomUUID(),
        parameters: { httpMethod: 'POST', path: 'vc-queue-burst', responseMode: 'onReceived', options: {} },
      },
      {
        id: randomUUID(),
        name: 'Get guest',
        type: 'n8n-nodes-venue-connectors.nectifi',
        typeVersion: 1,
        position: [240, 0],
        parameters: { resource: 'guest', operation: 'getGuest', guestId: '={{ $json.body.guest_id }}' },
        credentials: { nectifiApi: { id: credentialId, name: 'Nectifi, one key shared by two workers' } },
      },
    ],
  };
}

/** Demo 3 through the webhook process: simultaneous copies, simultaneous distinct deliveries, replays. */
async function webhookDeliveries(sandbox: Awaited<ReturnType<typeof startSandbox>>, webhook: N8nProcess, pgPort: number): Promise<void> {
  const trigger = loadDemoWorkflows().find((wf) => wf.id === DEMO3)?.nodes.find((n) => n.type.endsWith('.nectifiTrigger'));
  const url = `http://127.0.0.1:${webhook.port}/webhook/${trigger?.webhookId}/webhook`;
  const { webhookSecret, signatureHeader } = sandbox.keys.nectifi;
  const topUpsBefore = sandbox.state.anykrowd.transactions.filter((t) => t.type === 'top_up').length;
  const delivery = (guest: number) => signedDelivery(webhookSecret, signatureHeader, 'guest.created', { guest_id: guest, location_id: 1, portal_id: 1, email: `queue.${guest}@example.com` });

  const one = delivery(5001);
  const copies = await Promise.all(Array.from({ length: 5 }, (_, i) => post(url, one, i)));
  const distinct = Array.from({ length: 5 }, (_, i) => delivery(5100 + i));
  const firsts = await Promise.all(distinct.map((d, i) => post(url, d, i)));
  check([...copies, ...firsts].every((s) => s === 200), `deliveries answered 200 (${[...copies, ...firsts].join(' ')})`);
  await waitForExecutions(pgPort, DEMO3, 6, 90_000);
  const replays = await Promise.all([one, ...distinct].map((d, i) => post(url, d, 100 + i)));
  check(replays.every((s) => s === 200), 'replays answered 200 (and ignored)');
  const rows = await waitForExecutions(pgPort, DEMO3, 6, 30_000, 4_000);
  const topUps = sandbox.state.anykrowd.transactions.filter((t) => t.type === 'top_up').length - topUpsBefore;
  const ok = rows.filter((r) => r.status === 'success').length;
  check(rows.length === 6 && ok === 6, `5 simultaneous copies + 5 simultaneous distinct deliveries + 6 replays: ${rows.length} executions (6 expected), ${ok} succeeded`);
  check(topUps === 6, `${topUps} anykrowd top-ups (6 expected: one per delivery)`);
  tally(rows, 6, Math.max(rows.length, topUps));
}

/** BURST requests through the webhook process on one key (60/min, shared by 2 workers); worker-1 stopped after 8 s. */
async function burst(webhook: N8nProcess, worker1: N8nProcess, pgPort: number, wire: Array<{ at: number; status: number }>): Promise<void> {
  const url = `http://127.0.0.1:${webhook.port}/webhook/vc-queue-burst`;
  const sentFrom = wire.length;
  const answers = await Promise.all(
    Array.from({ length: BURST }, (_, i) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ guest_id: 1 + (i % 50) }) }).then((r) => r.status)),
  );
  check(answers.every((s) => s === 200), `${BURST} burst requests accepted by the webhook process`);
  await sleep(8_000);
  log(`  stopping worker-1 (pid ${worker1.child.pid}) mid-burst; it drains its running executions (N8N_GRACEFUL_SHUTDOWN_TIMEOUT=90)`);
  const stopped = worker1.stop();
  const rows = await waitForExecutions(pgPort, BURST_WORKFLOW, BURST, 240_000);
  await stopped;
  const entries = wire.slice(sentFrom);
  figures.r429 += entries.filter((e) => e.status === 429).length;
  figures.busiestWindow = Math.max(figures.busiestWindow, busiestWindow(entries));
  const failed = rows.filter((r) => r.status !== 'success');
  figures.failed += failed.length;
  check(failed.length === 0, `burst: ${rows.length} executions, ${failed.length} not successful${failed.length ? ` (${[...new Set(failed.map((r) => r.status))].join(', ')})` : ''}`);
  check(figures.busiestWindow <= KEY_LIMIT, `requests in the busiest 60 s window at the vendor: ${figures.busiestWindow} (limit ${KEY_LIMIT}); ${entries.length} requests, ${figures.r429} answered 429`);
  tally(rows, BURST, rows.length);
}

function tally(rows: ExecutionRow[], expected: number, effects: number): void {
  figures.executions += rows.length;
  figures.lost += Math.max(0, expected - rows.filter((r) => r.status === 'success').length);
  figures.duplicated += Math.max(0, effects - expected);
  for (const r of rows) if (r.stoppedAt && r.startedAt) figures.longestWaitMs = Math.max(figures.longestWaitMs, r.stoppedAt - r.startedAt);
}

void main();
