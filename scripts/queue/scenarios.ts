import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Sandbox } from '../../test/sandbox';
import type { N8nRuntime } from '../runtime/n8n';
import type { N8nRest } from '../start/n8n-rest';
import { sleep } from '../start/proc';
import { loadDemoWorkflows } from '../start/setup';
import { type N8nProcess, type QueueSettings, startN8nProcess, waitReady } from './cluster';
import { post, signedDelivery } from './deliveries';
import { errorMessagesOf, executionsOf, triggerItemsOf, waitForExecutions } from './executions';
import { check, figures, log, tally } from './report';
import { type WireEntry, busiestWindow } from './wire-log';

export const DEMO3 = 'vcDemo3NectTopup';
export const BURST_WORKFLOW = 'vcQueueBurst0001';
export const POLL_WORKFLOW = 'vcQueuePollGst01';
const BURST = 90;

export interface Cluster {
  runtime: N8nRuntime;
  root: string;
  settings: QueueSettings;
  sandbox: Sandbox;
  main: N8nProcess;
  rest: N8nRest;
  workers: N8nProcess[];
  webhook: N8nProcess;
  /** A second webhook process: what a balancer in front of two of them does to duplicates. */
  webhook2: N8nProcess;
}

function flattedParse(cluster: Cluster): (text: string) => unknown {
  return (require(join(cluster.runtime.modules, 'flatted')) as { parse(text: string): unknown }).parse;
}

function demo3Url(process: N8nProcess): string {
  const trigger = loadDemoWorkflows().find((wf) => wf.id === DEMO3)?.nodes.find((n) => n.type.endsWith('.nectifiTrigger'));
  return `http://127.0.0.1:${process.port}/webhook/${trigger?.webhookId}/webhook`;
}

const topUps = (sandbox: Sandbox) => sandbox.state.anykrowd.transactions.filter((t) => t.type === 'top_up').length;

/** A webhook (answered at once) starting one Nectifi read with the shared key. */
export function burstWorkflow(credential: { id: string; name: string }) {
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
        credentials: { nectifiApi: credential },
      },
    ],
  };
}

/** The Nectifi Polling Trigger, New Guest, every minute. */
export function pollWorkflow(credential: { id: string; name: string }) {
  return {
    id: POLL_WORKFLOW,
    name: 'Queue test: new Nectifi guests',
    settings: { executionOrder: 'v1' },
    connections: {},
    nodes: [
      {
        id: randomUUID(),
        name: 'New guests',
        type: 'n8n-nodes-venue-connectors.nectifiPollingTrigger',
        typeVersion: 1,
        position: [0, 0],
        parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newGuest' },
        credentials: { nectifiApi: credential },
      },
    ],
  };
}

/** Demo 3 from the editor's "Execute workflow" (its Run once now trigger), offloaded to the workers. */
export async function manualRuns(cluster: Cluster): Promise<void> {
  const before = topUps(cluster.sandbox);
  const runs = 3;
  for (let i = 0; i < runs; i++) await cluster.rest.request('POST', `/rest/workflows/${DEMO3}/run`, { triggerToStartFrom: { name: 'Run once now' } });
  const rows = await waitForExecutions(cluster.settings.postgresPort, DEMO3, runs, 90_000, 3_000, 'manual');
  const made = topUps(cluster.sandbox) - before;
  check(rows.length === runs && rows.every((r) => r.status === 'success'), `${runs} manual runs of demo 3: ${rows.length} executions, ${rows.filter((r) => r.status === 'success').length} succeeded`);
  check(made === runs, `${made} top-ups from the manual runs (${runs} expected)`);
  tally(rows, runs, Math.max(rows.length, made));
}

/** Demo 3 through the webhook process: simultaneous copies, simultaneous distinct deliveries, replays. */
export async function webhookDeliveries(cluster: Cluster): Promise<void> {
  const { sandbox, webhook, settings } = cluster;
  const url = demo3Url(webhook);
  const { webhookSecret, signatureHeader } = sandbox.keys.nectifi;
  const before = topUps(sandbox);
  const delivery = (guest: number) => signedDelivery(webhookSecret, signatureHeader, 'guest.created', { guest_id: guest, location_id: 1, portal_id: 1, email: `queue.${guest}@example.com` });

  const one = delivery(5001);
  const copies = await Promise.all(Array.from({ length: 5 }, (_, i) => post(url, one, i)));
  const distinct = Array.from({ length: 5 }, (_, i) => delivery(5100 + i));
  const firsts = await Promise.all(distinct.map((d, i) => post(url, d, i)));
  check([...copies, ...firsts].every((s) => s === 200), `deliveries answered 200 (${[...copies, ...firsts].join(' ')})`);
  await waitForExecutions(settings.postgresPort, DEMO3, 6, 90_000, 0, 'webhook');
  const replays = await Promise.all([one, ...distinct].map((d, i) => post(url, d, 100 + i)));
  check(replays.every((s) => s === 200), 'replays answered 200 (and ignored)');
  const rows = await waitForExecutions(settings.postgresPort, DEMO3, 6, 30_000, 4_000, 'webhook');
  const made = topUps(sandbox) - before;
  const ok = rows.filter((r) => r.status === 'success').length;
  check(rows.length === 6 && ok === 6, `5 simultaneous copies of one delivery + 5 simultaneous distinct deliveries + 6 replays: ${rows.length} executions (6 expected), ${ok} succeeded`);
  check(made === 6, `${made} anykrowd top-ups (6 expected: one per delivery)`);
  tally(rows, 6, Math.max(rows.length, made));
}

/** BURST requests through the webhook process on one key shared by the 2 workers; worker-1 stopped after 8 s. */
export async function burst(cluster: Cluster, wire: WireEntry[], limit: number): Promise<void> {
  const [worker1] = cluster.workers;
  const url = `http://127.0.0.1:${cluster.webhook.port}/webhook/vc-queue-burst`;
  const sentFrom = wire.length;
  const answers = await Promise.all(
    Array.from({ length: BURST }, (_, i) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ guest_id: 1 + (i % 50) }) }).then((r) => r.status)),
  );
  check(answers.every((s) => s === 200), `${BURST} burst requests accepted by the webhook process`);
  await sleep(8_000);
  log(`  stopping worker-1 (pid ${worker1.child.pid}) mid-burst; it drains its running executions (N8N_GRACEFUL_SHUTDOWN_TIMEOUT=${cluster.settings.workerShutdownSeconds})`);
  const stopped = worker1.stop();
  const rows = await waitForExecutions(cluster.settings.postgresPort, BURST_WORKFLOW, BURST, 240_000);
  await stopped;
  const entries = wire.slice(sentFrom);
  figures.r429 += entries.filter((e) => e.status === 429).length;
  figures.busiestWindow = Math.max(figures.busiestWindow, busiestWindow(entries));
  const failed = rows.filter((r) => r.status !== 'success');
  figures.failed += failed.length;
  const stoppedWorkerRan = worker1.log().match(/Worker finished execution/g)?.length ?? 0;
  const drained = /Received SIGTERM[\s\S]*?Waiting for (\d+) active executions/.exec(worker1.log())?.[1] ?? '0';
  check(failed.length === 0, `burst: ${rows.length} executions, ${failed.length} not successful${failed.length ? ` (${[...new Set(failed.map((r) => r.status))].join(', ')})` : ''}; worker-1 ran ${stoppedWorkerRan}, ${drained} of them still running (waiting for a slot) when it was told to stop`);
  for (const message of await errorMessagesOf(cluster.settings.postgresPort, failed.map((r) => r.id))) log(`       ${message}`);
  check(figures.busiestWindow <= limit, `requests in the busiest 60 s window at the vendor: ${figures.busiestWindow} (the key's limit: ${limit}); ${entries.length} requests, ${figures.r429} answered 429`);
  tally(rows, BURST, rows.length);
}

/**
 * The Nectifi Polling Trigger on the main instance, its state in Postgres: guests inserted between
 * polls, and in round 2 the main instance restarted, with guests inserted while it is down. Every
 * guest must come out of exactly one poll. Polls run once a minute (n8n's shortest interval).
 */
export async function pollingRounds(cluster: Cluster, restartMain: (whileDown: () => void) => Promise<void>): Promise<void> {
  const { sandbox, settings } = cluster;
  const inserted: number[] = [];
  const insert = (n: number) => {
    for (let i = 0; i < n; i++) inserted.push(Number(sandbox.insert.nectifiGuest({ email: `poll.${inserted.length}.${Date.now()}@example.com` }).id));
  };
  const polls = async () => (await executionsOf(settings.postgresPort, POLL_WORKFLOW)).length;
  for (let round = 1; round <= 3; round++) {
    const seen = await polls();
    insert(4);
    if (round === 2) {
      log('  polling: restarting the main instance (guests inserted while it is down)');
      await restartMain(() => insert(3));
    }
    const deadline = Date.now() + 150_000;
    while ((await polls()) <= seen && Date.now() < deadline) await sleep(1_000);
  }
  const rows = await waitForExecutions(settings.postgresPort, POLL_WORKFLOW, 0, 60_000, 1_000);
  const emitted = (await triggerItemsOf(settings.postgresPort, rows.map((r) => r.id), 'New guests', flattedParse(cluster))).map((item) => Number(item.id));
  const missing = inserted.filter((id) => !emitted.includes(id));
  const extra = emitted.length - new Set(emitted).size;
  const strangers = emitted.filter((id) => !inserted.includes(id)).length;
  check(missing.length === 0 && extra === 0 && strangers === 0, `polling across a main restart: ${inserted.length} guests inserted, ${emitted.length} emitted in ${rows.length} polls, ${missing.length} missing, ${extra} twice, ${strangers} not inserted by the test`);
  figures.executions += rows.length;
  figures.lost += missing.length;
  figures.duplicated += extra;
  figures.failed += rows.filter((r) => r.status !== 'success').length;
}

/** Stops the main instance and starts it again on the same user folder (new ports). */
export function mainRestarter(cluster: Cluster, onRestarted: (main: N8nProcess) => void): (whileDown: () => void) => Promise<void> {
  return async (whileDown) => {
    const started = Date.now();
    await cluster.main.stop();
    whileDown();
    const main = await startN8nProcess(cluster.runtime, 'main', 'main', cluster.root, cluster.settings, log);
    await waitReady(main);
    onRestarted(main);
    log(`  polling: main instance back after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
}

/**
 * The limit of the guarantee, measured: simultaneous copies of one delivery split over two webhook
 * processes (a balancer in front of them). Each process keeps its own record, so up to one
 * execution per process starts; they all carry the same dedup_key for a downstream step. Not
 * counted as duplicates in the closing figures: it is the documented limit, printed on its own.
 */
export async function twoWebhookProcesses(cluster: Cluster): Promise<string> {
  const { sandbox, settings } = cluster;
  const before = (await executionsOf(settings.postgresPort, DEMO3, 'webhook')).length;
  const topUpsBefore = topUps(sandbox);
  const { webhookSecret, signatureHeader } = sandbox.keys.nectifi;
  const one = signedDelivery(webhookSecret, signatureHeader, 'guest.created', { guest_id: 5900, location_id: 1, portal_id: 1, email: 'queue.balanced@example.com' });
  const processes = [cluster.webhook, cluster.webhook2];
  await Promise.all(Array.from({ length: 6 }, (_, i) => post(demo3Url(processes[i % 2]), one, i)));
  const rows = (await waitForExecutions(settings.postgresPort, DEMO3, before + 1, 60_000, 5_000, 'webhook')).slice(before);
  const keys = new Set((await triggerItemsOf(settings.postgresPort, rows.map((r) => r.id), 'Nectifi event', flattedParse(cluster))).map((item) => item.dedup_key));
  const made = topUps(sandbox) - topUpsBefore;
  check(rows.length >= 1 && rows.length <= 2 && keys.size === 1, `two webhook processes, 6 simultaneous copies split over them: ${rows.length} execution(s) (at most one per process), ${keys.size} dedup_key`);
  return `two webhook processes: 6 simultaneous copies -> ${rows.length} execution(s), ${made} top-up(s), one dedup_key`;
}
