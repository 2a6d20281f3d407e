/**
 * The fault matrix: every declared operation against every sandbox fault, through the shared client
 * and the real undici transport. The sandbox's counters decide each cell. Prints the table that
 * RELIABILITY.md records; exits non-zero when a cell fails.
 *
 * `--platforms`: the same faults against a representative read and write per vendor, run through
 * the n8n workflow engine and Zapier's app tester instead. `--write` also puts that table into
 * RELIABILITY.md (between its platform markers).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_OPERATIONS } from '../shared/catalog';
import { startTestSandbox } from '../test/support/sandbox';
import { startTestSandbox as startSmallSandbox } from '../test/n8n/support/sandbox';
import { stopEngineTimers } from '../test/n8n/support/engine';
import { startLogSink } from '../test/zapier/support/log-sink';
import { type CellResult, MATRIX_FAULTS, cells, matrixRunners, runCell } from '../test/reliability/matrix';
import { PLATFORM_CASES } from '../test/reliability/platforms/cases';
import { PLATFORMS, leakedIn, runPlatformMatrix } from '../test/reliability/platforms/platform-matrix';
import type { PlatformCellResult } from '../test/reliability/platforms/platform-cell';

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

const MARK_START = '<!-- platform-matrix:start -->';
const MARK_END = '<!-- platform-matrix:end -->';

function platformTable(results: PlatformCellResult[]): string[] {
  const header = ['platform', 'operation', 'safety', ...MATRIX_FAULTS.map((f) => SHORT[f])];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const platform of PLATFORMS) {
    for (const c of PLATFORM_CASES) {
      const row = MATRIX_FAULTS.map((fault) => {
        const cell = results.find((r) => r.platform === platform && r.operation === c.op.id && r.fault === fault);
        return cell ? (cell.pass ? '✓' : '✗') : '–';
      });
      lines.push(`| ${platform} | ${c.op.id} | ${c.op.safety} | ${row.join(' | ')} |`);
    }
  }
  return lines;
}

async function platforms(write: boolean): Promise<void> {
  const sandbox = await startSmallSandbox();
  // Zapier's log stream goes here (as it would to Zapier): it is scanned for secrets too.
  const logs = await startLogSink();
  const started = Date.now();
  const results = await runPlatformMatrix(sandbox, (cell) => {
    if (!cell.pass) console.error(`FAILED ${cell.platform} ${cell.operation} × ${cell.fault}: ${cell.outcome} ${cell.why ?? ''} (attempts ${cell.attempts}, applied ${cell.applied}, ${cell.ms} ms)`);
  });
  const leaked = leakedIn(results, logs.text());
  await logs.close();
  await sandbox.close();
  stopEngineTimers();

  const failed = results.filter((r) => !r.pass);
  const outcomes = new Map<string, number>();
  for (const r of results) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
  const summary = [
    `platforms: ${PLATFORMS.length}, operations: ${PLATFORM_CASES.length}, faults: ${MATRIX_FAULTS.length}, cells run: ${results.length} (– = fault not produced by that vendor)`,
    `outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `writes applied twice: ${results.filter((r) => r.applied > 1).length}; secrets shown: ${leaked.length}; slowest cell ${Math.max(...results.map((r) => r.ms))} ms; total ${Math.round((Date.now() - started) / 1000)} s`,
  ];
  const table = platformTable(results);
  console.log([...table, '', ...summary].join('\n'));
  console.log(`reliability (platforms): ${results.length - failed.length} passed, ${failed.length} failed, ${leaked.length} secrets shown`);
  if (write) {
    const file = join(__dirname, '..', 'RELIABILITY.md');
    const text = readFileSync(file, 'utf8');
    const section = [MARK_START, ...table, '', ...summary.map((line) => `${line}  `), MARK_END].join('\n');
    const start = text.indexOf(MARK_START);
    const end = text.indexOf(MARK_END);
    if (start < 0 || end < 0) throw new Error(`RELIABILITY.md has no ${MARK_START} … ${MARK_END} markers`);
    writeFileSync(file, text.slice(0, start) + section + text.slice(end + MARK_END.length));
  }
  process.exitCode = failed.length > 0 || leaked.length > 0 ? 1 : 0;
}

if (process.argv.includes('--platforms')) void platforms(process.argv.includes('--write'));
else void main();
