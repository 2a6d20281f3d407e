import { sleep } from '../start/proc';
import { psql } from './services';

export interface ExecutionRow {
  id: string;
  status: string;
  /** webhook, trigger (a poll), manual... */
  mode: string;
  startedAt: number;
  stoppedAt: number;
}

/** The executions of a workflow, read from n8n's Postgres (queue mode keeps them there for every process). */
export async function executionsOf(pgPort: number, workflowId: string, mode?: string): Promise<ExecutionRow[]> {
  const rows = await psql(
    pgPort,
    `SELECT id, status, mode, COALESCE(EXTRACT(EPOCH FROM "startedAt") * 1000, 0)::bigint, COALESCE(EXTRACT(EPOCH FROM "stoppedAt") * 1000, 0)::bigint FROM execution_entity WHERE "workflowId" = '${workflowId.replace(/'/g, '')}'${mode ? ` AND mode = '${mode.replace(/'/g, '')}'` : ''} ORDER BY id`,
  );
  return rows.map(([id, status, rowMode, startedAt, stoppedAt]) => ({ id, status, mode: rowMode, startedAt: Number(startedAt), stoppedAt: Number(stoppedAt) }));
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Waits until at least `expected` executions of the workflow have finished (none still running), then
 * `settleMs` more so that any extra one (a duplicate) shows up too.
 */
export async function waitForExecutions(pgPort: number, workflowId: string, expected: number, timeoutMs: number, settleMs = 3_000, mode?: string): Promise<ExecutionRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await executionsOf(pgPort, workflowId, mode);
    const finished = rows.filter((r) => FINISHED.has(r.status)).length;
    if ((finished >= expected && finished === rows.length) || Date.now() > deadline) {
      await sleep(settleMs);
      return executionsOf(pgPort, workflowId, mode);
    }
    await sleep(1_000);
  }
}

/** The error messages n8n stored for these executions (its run data is flatted JSON; the strings are read off it). */
export async function errorMessagesOf(pgPort: number, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await psql(pgPort, `SELECT data FROM execution_data WHERE "executionId" IN (${ids.map((id) => Number(id)).join(',')})`);
  const messages = new Set<string>();
  for (const [data] of rows) {
    for (const match of data.matchAll(/"((?:[^"\\]|\\.){0,400}(?:not sent|was stopped|cancel|shut|Error|error:|failed)(?:[^"\\]|\\.){0,400})"/g)) messages.add(match[1].slice(0, 400));
  }
  return [...messages].slice(0, 8);
}

/** The items each of these executions' trigger node emitted (n8n stores run data as flatted JSON). */
export async function triggerItemsOf(pgPort: number, ids: string[], node: string, flattedParse: (text: string) => unknown): Promise<Array<Record<string, unknown>>> {
  if (ids.length === 0) return [];
  const rows = await psql(pgPort, `SELECT data FROM execution_data WHERE "executionId" IN (${ids.map((id) => Number(id)).join(',')})`);
  const items: Array<Record<string, unknown>> = [];
  for (const [data] of rows) {
    const run = flattedParse(data) as { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>> } };
    for (const task of run.resultData?.runData?.[node] ?? []) for (const item of task.data?.main?.[0] ?? []) items.push(item.json);
  }
  return items;
}
