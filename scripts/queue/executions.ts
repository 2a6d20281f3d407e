import { sleep } from '../start/proc';
import { psql } from './services';

export interface ExecutionRow {
  id: string;
  status: string;
  startedAt: number;
  stoppedAt: number;
}

/** The executions of a workflow, read from n8n's Postgres (queue mode keeps them there for every process). */
export async function executionsOf(pgPort: number, workflowId: string): Promise<ExecutionRow[]> {
  const rows = await psql(
    pgPort,
    `SELECT id, status, COALESCE(EXTRACT(EPOCH FROM "startedAt") * 1000, 0)::bigint, COALESCE(EXTRACT(EPOCH FROM "stoppedAt") * 1000, 0)::bigint FROM execution_entity WHERE "workflowId" = '${workflowId.replace(/'/g, '')}' ORDER BY id`,
  );
  return rows.map(([id, status, startedAt, stoppedAt]) => ({ id, status, startedAt: Number(startedAt), stoppedAt: Number(stoppedAt) }));
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Waits until at least `expected` executions of the workflow have finished (none still running), then
 * `settleMs` more so that any extra one (a duplicate) shows up too.
 */
export async function waitForExecutions(pgPort: number, workflowId: string, expected: number, timeoutMs: number, settleMs = 3_000): Promise<ExecutionRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await executionsOf(pgPort, workflowId);
    const finished = rows.filter((r) => FINISHED.has(r.status)).length;
    if ((finished >= expected && finished === rows.length) || Date.now() > deadline) {
      await sleep(settleMs);
      return executionsOf(pgPort, workflowId);
    }
    await sleep(1_000);
  }
}
