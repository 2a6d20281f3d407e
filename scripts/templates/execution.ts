import { join } from 'node:path';
import type { N8nRuntime } from '../runtime/n8n';
import type { N8nRest } from '../start/n8n-rest';
import { sleep } from '../start/proc';
import type { Json, TemplateRun } from './spec';
import { PROBE_PREFIX } from './test-copy';

interface TaskData {
  source?: Array<{ previousNode: string; previousNodeOutput?: number; previousNodeRun?: number } | null>;
  data?: { main?: Array<Array<{ json: Json }> | null> };
  error?: { message?: string; description?: string };
}
export interface ExecutionResult {
  id: string;
  status: string;
  error?: string;
  runData: Record<string, TaskData[]>;
}

/**
 * A manual run as the editor starts it ("Execute workflow" on the trigger): n8n runs the trigger's
 * poll once in manual mode (a real request to the vendor for its latest items), then every node
 * after it, using the workflow's pinned data for pinned nodes. `n8n execute` would not do: the CLI
 * runs in `cli` mode, and n8n uses pinned data only in `manual` and `evaluation` runs
 * (WorkflowRunner.resolvePinData).
 */
export async function runManually(
  rest: N8nRest,
  runtime: N8nRuntime,
  workflowId: string,
  trigger: string,
  /** A webhook trigger: n8n now listens on its test URL; make the event arrive there. */
  deliver?: () => Promise<void>,
  timeoutMs = 120_000,
): Promise<ExecutionResult> {
  const known = await executionIds(rest, workflowId);
  const started = await rest.request<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: trigger } });
  const deadline = Date.now() + timeoutMs;
  let executionId = started.executionId;
  if (!executionId && started.waitingForWebhook && deliver) {
    await deliver();
    while (!executionId && Date.now() < deadline) {
      executionId = [...(await executionIds(rest, workflowId))].find((id) => !known.has(id));
      if (!executionId) await sleep(300);
    }
  }
  if (!executionId) throw new Error(`n8n did not start a run of ${workflowId} (${JSON.stringify(started)}${started.waitingForWebhook ? ', no delivery reached the test URL' : ''})`);
  const flatted = require(join(runtime.modules, 'flatted')) as { parse(text: string): unknown };
  for (;;) {
    const execution = await rest.request<{ status: string; data?: string }>('GET', `/rest/executions/${executionId}`);
    if (!['new', 'running', 'waiting'].includes(execution.status) && execution.data) {
      const data = flatted.parse(execution.data) as { resultData: { runData: Record<string, TaskData[]>; error?: { message?: string; node?: { name?: string } } } };
      const error = data.resultData.error;
      return {
        id: executionId,
        status: execution.status,
        error: error ? `${error.node?.name ? `${error.node.name}: ` : ''}${error.message ?? 'failed'}` : undefined,
        runData: data.resultData.runData,
      };
    }
    if (Date.now() > deadline) throw new Error(`execution ${executionId} still ${execution.status} after ${timeoutMs / 1000} s`);
    await sleep(300);
  }
}

async function executionIds(rest: N8nRest, workflowId: string): Promise<Set<string>> {
  const filter = encodeURIComponent(JSON.stringify({ workflowId }));
  const list = await rest.request<{ results?: Array<{ id: string }> } | Array<{ id: string }>>('GET', `/rest/executions?filter=${filter}`);
  return new Set((Array.isArray(list) ? list : (list.results ?? [])).map((e) => e.id));
}

export function readRun(result: ExecutionResult): TemplateRun {
  const task = (node: string) => result.runData[node]?.[0];
  const outputOf = (node: string, output?: number) => {
    const main = task(node)?.data?.main ?? [];
    const branches = output === undefined ? main : [main[output]];
    return branches.flatMap((items) => (items ?? []).map((item) => item.json));
  };
  return {
    output: (node) => outputOf(node),
    input(node) {
      const source = task(node)?.source?.[0];
      return source ? outputOf(source.previousNode, source.previousNodeOutput ?? 0) : [];
    },
    resolved: (node) => outputOf(`${PROBE_PREFIX}${node}`) as Array<Record<string, string>>,
  };
}
