/**
 * The fault matrix: every declared operation against every sandbox fault, through the shared client
 * and the real undici transport. The sandbox's counters decide each cell. Prints the table that
 * RELIABILITY.md records; exits non-zero when a cell fails.
 */
import { ALL_OPERATIONS } from '../shared/catalog';
import { startTestSandbox } from '../test/support/sandbox';
import { type CellResult, MATRIX_FAULTS, cells, matrixRunners, runCell } from '../test/reliability/matrix';

const SHORT: Record<string, string> = {
  'rate-limit': '429',
  'rate-limit-reset': '429 reset',
  'quota-exceeded': 'quota',
  'status-500': '500',
  'status-502': '502',
  'status-503': '503',
  'reset-before': 'reset pre',
  'reset-after': 'reset post',
  timeout: 'timeout',
  'malformed-json': 'bad JSON',
  'html-error': 'HTML',
  'truncated-body': 'truncated',
  'slow-body': 'slow',
};

async function main(): Promise<void> {
  const sandbox = await startTestSandbox();
  const runners = matrixRunners(sandbox);
  const results: CellResult[] = [];
  const started = Date.now();
  for (const [op, fault] of cells()) results.push(await runCell(sandbox, runners, op, fault));
  await sandbox.close();

  const header = ['operation', 'safety', ...MATRIX_FAULTS.map((f) => SHORT[f])];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const op of ALL_OPERATIONS) {
    const row = MATRIX_FAULTS.map((fault) => {
      const cell = results.find((r) => r.operation === op.id && r.fault === fault);
      return cell ? (cell.pass ? '✓' : '✗') : '–';
    });
    console.log(`| ${op.id} | ${op.safety} | ${row.join(' | ')} |`);
  }
  const failed = results.filter((r) => !r.pass);
  const outcomes = new Map<string, number>();
  for (const r of results) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
  const slowest = Math.max(...results.map((r) => r.ms));
  console.log('');
  console.log(`operations: ${ALL_OPERATIONS.length}, faults: ${MATRIX_FAULTS.length}, cells run: ${results.length} (– = fault not produced by that vendor)`);
  console.log(`outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`writes applied twice: ${results.filter((r) => r.applied > 1).length}; slowest cell ${slowest} ms; total ${Math.round((Date.now() - started) / 1000)} s`);
  for (const cell of failed) console.log(`FAILED ${cell.operation} × ${cell.fault}: ${cell.outcome} ${cell.why ?? ''} (attempts ${cell.attempts}, applied ${cell.applied}, ${cell.ms} ms)`);
  console.log(`reliability: ${results.length - failed.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

void main();
