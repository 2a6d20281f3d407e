/**
 * `npm run test:queue`: the package in n8n queue mode. Postgres and Redis of its own, a main
 * instance, two workers and a webhook process (one user folder each, the packed package in each),
 * then: manual runs offloaded to the workers; signed webhook deliveries with simultaneous
 * duplicates (one execution, one top-up each); a burst through one rate-limited Nectifi key with a
 * worker stopped mid-way; and, meanwhile, a polling trigger with rows inserted between polls and
 * the main instance restarted. Everything is stopped by PID; the last line has the figures.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../test/sandbox';
import { defaultVersion, ensureN8n } from '../runtime/n8n';
import { N8nRest } from '../start/n8n-rest';
import { buildPackage } from '../start/package-install';
import { formatMs, freePort } from '../start/proc';
import { importWorkflows, loadDemoWorkflows, upsertCredentials } from '../start/setup';
import { type N8nProcess, type QueueSettings, startN8nProcess, waitReady } from './cluster';
import { check, figures, log, problems } from './report';
import { BURST_WORKFLOW, type Cluster, DEMO3, POLL_WORKFLOW, burst, burstWorkflow, mainRestarter, manualRuns, pollWorkflow, pollingRounds, twoWebhookProcesses, webhookDeliveries } from './scenarios';
import { type Service, ensureSystemPackages, psql, startPostgres, startRedis } from './services';
import { startWireLog } from './wire-log';

/** The burst key's limit (the sandbox's read-only key allows 60 per minute), shared by the two workers. */
const KEY_LIMIT = 60;

async function main(): Promise<void> {
  const started = Date.now();
  const phases: string[] = [];
  let mark = Date.now();
  const phase = (name: string) => {
    phases.push(`${name} ${formatMs(Date.now() - mark)}`);
    log(`--- ${name}: ${formatMs(Date.now() - mark)}`);
    mark = Date.now();
  };
  const root = mkdtempSync(join(tmpdir(), 'vc-queue-'));
  const services: Service[] = [];
  const n8n: N8nProcess[] = [];
  let crashed = false;
  let balanced = 'two webhook processes: not measured';
  let stopSandbox: (() => Promise<void>) | undefined;
  let closeWire: (() => Promise<void>) | undefined;
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
    stopSandbox = () => sandbox.close();
    const wire = await startWireLog(sandbox.url);
    closeWire = () => wire.close();
    const settings: QueueSettings = { postgresPort: pgPort, redisPort, encryptionKey: randomBytes(24).toString('base64url'), workerShutdownSeconds: 90 };
    phase('postgres, redis, sandbox');

    let mainProc = await startN8nProcess(runtime, 'main', 'main', root, settings, log);
    n8n.push(mainProc);
    await waitReady(mainProc);
    const rest = new N8nRest(`http://127.0.0.1:${mainProc.port}`);
    await rest.ownerSetupOrLogin({ email: 'queue@venue-connectors.local', password: `Vc9-${randomBytes(9).toString('base64url')}`, firstName: 'Queue', lastName: 'Test' });
    const credentials = await upsertCredentials(rest, sandbox);
    const sharedKey = { name: 'Nectifi, one key shared by two workers' };
    const sharedKeyId = (
      await rest.request<{ id: string }>('POST', '/rest/credentials', {
        type: 'nectifiApi',
        name: sharedKey.name,
        data: { apiKey: sandbox.keys.nectifi.readOnly, baseUrl: `${wire.url}/nectifi/api/v1/external/v1`, requestsPerMinute: KEY_LIMIT, sharingProcesses: 2, allowHttp: true },
      })
    ).id;
    await importWorkflows(rest, credentials, root, loadDemoWorkflows().filter((wf) => wf.id === DEMO3));
    await rest.request('POST', '/rest/workflows', burstWorkflow({ id: sharedKeyId, ...sharedKey }));
    await rest.request('POST', '/rest/workflows', pollWorkflow(credentials.nectifiApi));
    for (const id of [DEMO3, BURST_WORKFLOW, POLL_WORKFLOW]) {
      const wf = await rest.request<{ versionId: string }>('GET', `/rest/workflows/${id}`);
      await rest.request('POST', `/rest/workflows/${id}/activate`, { versionId: wf.versionId });
    }
    phase('main instance (migrations, owner, credentials, workflows)');

    const others = await Promise.all([
      startN8nProcess(runtime, 'worker-1', 'worker', root, settings, log),
      startN8nProcess(runtime, 'worker-2', 'worker', root, settings, log),
      startN8nProcess(runtime, 'webhook-1', 'webhook', root, settings, log),
      startN8nProcess(runtime, 'webhook-2', 'webhook', root, settings, log),
    ]);
    n8n.push(...others);
    await Promise.all(others.map((p) => waitReady(p)));
    const cluster: Cluster = { runtime, root, settings, sandbox, main: mainProc, rest, workers: others.slice(0, 2), webhook: others[2], webhook2: others[3] };
    for (const p of n8n) check(!/Unrecognized node type|Error loading package|Failed to load/i.test(p.log()), `${p.name} loaded the package from its own user folder`);
    phase('two workers and two webhook processes');

    const pollingFrom = Date.now();
    const polling = pollingRounds(
      cluster,
      mainRestarter(cluster, (restarted) => {
        n8n[n8n.indexOf(mainProc)] = restarted;
        cluster.main = mainProc = restarted;
      }),
    )
      .then(() => {
        // Runs beside the phases below: timed on its own.
        phases.push(`polling, 3 rounds across a main restart (alongside) ${formatMs(Date.now() - pollingFrom)}`);
        log(`--- polling, 3 rounds across a main restart (alongside the other phases): ${formatMs(Date.now() - pollingFrom)}`);
      })
      .catch((error: Error) => check(false, `polling: ${error.message.split('\n')[0]}`));

    await manualRuns(cluster);
    phase('manual runs');
    await webhookDeliveries(cluster);
    phase('signed webhook deliveries');
    balanced = await twoWebhookProcesses(cluster);
    phase('the limit: two webhook processes');
    await burst(cluster, wire.entries, KEY_LIMIT);
    figures.limit = KEY_LIMIT;
    phase('burst on one rate-limited key, a worker stopped mid-way');
    await polling;

    const total = Number((await psql(pgPort, 'SELECT count(*) FROM execution_entity'))[0][0]);
    const onWorkers = cluster.workers.reduce((sum, w) => sum + (w.log().match(/Worker started execution/g)?.length ?? 0), 0);
    check(onWorkers === total, `every execution (manual, webhook, poll) ran on a worker: ${onWorkers} of ${total}`);
  } catch (error) {
    crashed = true;
    problems.push((error as Error).message.split('\n')[0]);
    console.error(`\n${(error as Error).stack ?? String(error)}`);
  } finally {
    const stopping = Date.now();
    await Promise.all(n8n.map((p) => p.stop()));
    for (const s of services.reverse()) await s.stop();
    await closeWire?.();
    await stopSandbox?.();
    log(`--- teardown (n8n, Redis, Postgres stopped by their PIDs): ${formatMs(Date.now() - stopping)}`);
    if (crashed || problems.length) log(`Kept ${root} (the log of every process) for a look.`);
    else rmSync(root, { recursive: true, force: true });
  }
  log(`Phases: ${phases.join('; ')}`);
  log(`Measured limit (not in the figures below): ${balanced}`);
  if (problems.length) log(`FAILED: ${problems.join(' | ')}`);
  log(
    `test:queue (n8n ${defaultVersion()}: main + 2 workers + 2 webhook processes, Postgres, Redis) in ${formatMs(Date.now() - started)}: ${figures.executions} executions, ${figures.failed} failed, ${figures.r429} 429s, busiest 60 s ${figures.busiestWindow}/${KEY_LIMIT} requests, longest wait ${formatMs(figures.longestWaitMs)}, ${figures.lost} lost, ${figures.duplicated} duplicated`,
  );
  // Exit now: after a failure a scenario may still be polling what was just stopped.
  process.exit(problems.length || figures.lost || figures.duplicated || figures.failed ? 1 : 0);
}

void main();
