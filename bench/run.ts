/**
 * The benchmark suite: `npm run bench` (full) or `npm run bench -- --quick` (under a minute, the CI
 * smoke check). `--only 1,3` runs some of them. Prints every table and a target summary, writes
 * bench/results/<full|quick>.json and .md. Exits non-zero only when a benchmark crashed; a missed
 * target is a figure, never a failure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { mdTable, table } from './lib/stats';
import type { BenchOptions, BenchResult } from './lib/types';
import { runE2eN8n } from './e2e-n8n';
import { runLoadTime } from './load-time';
import { runMemory } from './memory';
import { runOverhead } from './overhead';
import { runPollCost } from './poll-cost';
import { runWebhook } from './webhook';

type Runner = (options: BenchOptions) => Promise<BenchResult>;

const BENCHMARKS: Array<{ id: number; title: string; run: Runner }> = [
  { id: 1, title: 'Per-call overhead', run: runOverhead },
  { id: 2, title: 'Poll cost', run: runPollCost },
  { id: 3, title: 'Memory', run: runMemory },
  { id: 4, title: 'Load time', run: runLoadTime },
  { id: 5, title: 'Webhook verify', run: runWebhook },
  { id: 6, title: 'End to end in a real n8n', run: runE2eN8n },
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export function machine() {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    freeGiB: +(freemem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg().map((l) => +l.toFixed(2)),
  };
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = arg('only')?.split(',').map(Number);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  const before = machine();
  log(`bench${quick ? ' --quick' : ''}: ${before.cpuModel}, ${before.cores} cores, node ${before.node}, load ${before.loadAverage.join(' ')}`);
  const results: BenchResult[] = [];
  const crashed: Array<{ id: number; error: string }> = [];
  for (const bench of BENCHMARKS) {
    if (only && !only.includes(bench.id)) continue;
    const t0 = performance.now();
    log(`\n${bench.id}. ${bench.title}…`);
    try {
      const result = await bench.run({ quick, log });
      results.push(result);
      process.stdout.write(`\n## ${result.id}. ${result.title}${result.skipped ? ` — ${result.skipped}` : ''}\n${result.text}\n`);
      log(`${bench.id}. done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      const message = (error as Error).stack ?? String(error);
      crashed.push({ id: bench.id, error: message });
      process.stdout.write(`\n## ${bench.id}. ${bench.title} — CRASHED\n${message}\n`);
    }
  }
  const totalS = (performance.now() - started) / 1000;
  const targets = results.flatMap((r) => r.targets);
  const verdict = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : 'MISSED');
  process.stdout.write(`\n## Targets\n${table(['benchmark', 'target', 'measured', ''], targets.map((t) => [t.name, t.target, t.measured, verdict(t.met)]))}\n`);
  process.stdout.write(`\n${results.length} benchmark(s) ran, ${crashed.length} crashed, in ${totalS.toFixed(1)} s; load average now ${machine().loadAverage.join(' ')}\n`);

  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const name = only ? `${quick ? 'quick' : 'full'}-only-${only.join('-')}` : quick ? 'quick' : 'full';
  const report = { date: new Date().toISOString(), quick, totalSeconds: totalS, machine: { before, after: machine() }, results, crashed };
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const targetRows = targets.map((t) => [t.name, t.target, t.measured, verdict(t.met), t.note ?? '']);
  const targetsMd = `### Targets\n\n${mdTable(['benchmark', 'target', 'measured', '', 'note'], targetRows)}\n`;
  const md = [targetsMd, ...results.map((r) => `### ${r.id}. ${r.title}${r.skipped ? ` — ${r.skipped}` : ''}\n\n${r.markdown}\n`)].join('\n');
  writeFileSync(join(dir, `${name}.md`), md);
  process.exitCode = crashed.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exitCode = 2;
});
