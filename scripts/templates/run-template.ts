import type { startSandbox } from '../../test/sandbox';
import type { RunningDemo } from '../start/demo';
import { PACKAGE_NAME } from '../start/paths';
import { type DemoWorkflow, importWorkflows } from '../start/setup';
import { readRun, runManually } from './execution';
import type { startNetTrap } from './net-trap';
import type { Check, Json, TemplateSpec } from './spec';
import { testCopy } from './test-copy';
import type { NodeCatalog } from './validate';

const isOurs = (type: string) => type.startsWith(`${PACKAGE_NAME}.`);
const isSticky = (type: string) => type === 'n8n-nodes-base.stickyNote';

/** The node that starts the template: the one no connection leads to. It must be one of our triggers. */
function triggerOf(wf: DemoWorkflow): string {
  const targets = new Set(Object.values(wf.connections as Record<string, { main: Array<Array<{ node: string }> | null> }>).flatMap((o) => o.main.flatMap((t) => (t ?? []).map((c) => c.node))));
  const starts = wf.nodes.filter((n) => !isSticky(n.type) && !targets.has(n.name));
  if (starts.length !== 1) throw new Error(`${wf.file}: expected one trigger, found ${starts.map((n) => n.name).join(', ') || 'none'}`);
  return starts[0].name;
}

export interface Outcome {
  file: string;
  ms: number;
  checks: Check[];
}

export async function runTemplate(
  demo: RunningDemo,
  sandbox: Awaited<ReturnType<typeof startSandbox>>,
  wf: DemoWorkflow,
  spec: TemplateSpec,
  catalog: NodeCatalog,
  credentials: Record<string, { id: string; name: string }>,
  dataDir: string,
  trap: Awaited<ReturnType<typeof startNetTrap>>,
): Promise<Outcome> {
  const started = Date.now();
  const checks: Check[] = [];
  const nodes = wf.nodes.filter((n) => !isSticky(n.type));
  for (const node of nodes.filter((n) => n.type.startsWith('n8n-nodes-base.'))) checks.push(...catalog.check(node));

  const trigger = triggerOf(wf);
  const triggerNode = wf.nodes.find((n) => n.name === trigger);
  checks.push({ name: `starts at one of our triggers`, ok: !!triggerNode && isOurs(triggerNode.type) && triggerNode.type.endsWith('Trigger'), detail: `${trigger} (${triggerNode?.type})` });

  // Every node that would call an outside service (it takes a credential and is not ours) is pinned.
  const outside = nodes.filter((n) => !isOurs(n.type) && Object.keys(n.credentials ?? {}).length > 0).map((n) => n.name);
  const unpinned = outside.filter((name) => !(name in spec.pinned));
  checks.push({ name: 'every third-party node is pinned', ok: unpinned.length === 0, detail: unpinned.length ? `not pinned: ${unpinned.join(', ')}` : outside.join(', ') });

  const fixture = spec.prepare(sandbox);
  const pins: Record<string, Json[]> = Object.fromEntries(Object.entries(spec.pinned).map(([name, answer]) => [name, answer(fixture)]));
  const copy = testCopy(wf, pins);
  await importWorkflows(demo.rest, credentials, dataDir, [copy]);
  const attemptsBefore = trap.attempts.length;
  const webhookId = triggerNode?.webhookId;
  const deliver = webhookId
    ? async () => {
        // The Nectifi Trigger's test URL, as the editor's "Listen for test event" opens it; the sandbox signs what it sends.
        const testUrl = `${demo.url}/webhook-test/${webhookId}/webhook`;
        sandbox.webhooks.register(testUrl, (triggerNode?.parameters.events as string[] | undefined) ?? null);
        try {
          if (!spec.emit) throw new Error(`${wf.file} starts at a webhook trigger: its spec needs emit()`);
          spec.emit(sandbox, fixture);
          await sandbox.webhooks.idle();
        } finally {
          sandbox.webhooks.unregister(testUrl);
        }
      }
    : undefined;
  const result = await runManually(demo.rest, demo.runtime, copy.id, trigger, deliver);
  const run = readRun(result);

  checks.push({ name: 'the run succeeded', ok: result.status === 'success' && !result.error, detail: `execution ${result.id}: ${result.status}${result.error ? `, ${result.error}` : ''}` });
  const notRun = nodes.filter((n) => !result.runData[n.name]).map((n) => n.name);
  checks.push({ name: 'every node ran', ok: notRun.length === 0, detail: notRun.length ? `did not run: ${notRun.join(', ')}` : `${nodes.length} nodes` });
  for (const node of nodes.filter((n) => isOurs(n.type))) {
    const error = result.runData[node.name]?.[0]?.error;
    checks.push({ name: `${node.name}: ran live against the sandbox`, ok: !(node.name in pins) && !!result.runData[node.name] && !error, detail: error?.message ?? `${run.output(node.name).length} items out` });
  }
  for (const [name, items] of Object.entries(pins)) {
    const same = JSON.stringify(run.output(name)) === JSON.stringify(items);
    // One answer per item received, as the real node gives: n8n pairs them by position.
    checks.push({ name: `${name}: answered from its pinned data only`, ok: same && items.length > 0 && items.length === run.input(name).length, detail: `${run.output(name).length} items out, ${items.length} pinned, ${run.input(name).length} in` });
    const resolved = run.resolved(name);
    const empty = resolved.flatMap((item, i) => Object.entries(item).filter(([, v]) => v === '' || v === undefined || v === null || /\bundefined\b|\[object Object\]/.test(String(v))).map(([k]) => `item ${i} ${k}`));
    checks.push({ name: `${name}: every expression parameter resolves`, ok: resolved.length === run.input(name).length && empty.length === 0, detail: empty.length ? `empty: ${empty.join(', ')}` : `${resolved.length} items` });
  }
  const attempts = trap.attempts.slice(attemptsBefore);
  checks.push({ name: 'no request tried to leave 127.0.0.1', ok: attempts.length === 0, detail: attempts.length ? attempts.map((a) => a.request).join('; ') : '0 connections to the proxy trap' });

  if (result.status === 'success') checks.push(...spec.expect({ sandbox, fixture, run }));
  return { file: wf.file, ms: Date.now() - started, checks };
}

