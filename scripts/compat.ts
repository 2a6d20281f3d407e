/**
 * The n8n version matrix: for each pinned n8n (runtime/n8n-<version>/, newest first), the headless
 * demo of `npm start -- --headless` in a fresh data folder: the packed package installed as n8n
 * installs a community package, the nine nodes listed, the four credential tests, a real signed
 * webhook delivery to the active Nectifi Trigger, every demo workflow through `n8n execute`, and
 * the sandbox's state. Writes docs/compatibility.md from what ran.
 *
 * Usage: npm run test:compat [-- --n8n <version>[,<version>...]]   (default: every pinned version)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinnedVersions } from './runtime/n8n';
import { type HeadlessReport, runHeadless } from './start/headless';
import { ROOT } from './start/paths';
import { formatMs } from './start/proc';

const log = (line: string) => process.stdout.write(`${line}\n`);

function versionsAsked(): string[] {
  const i = process.argv.indexOf('--n8n');
  return i > 0 ? process.argv[i + 1].split(',') : pinnedVersions();
}

function markdown(reports: HeadlessReport[], date: string): string {
  const cell = (ok: boolean) => (ok ? 'pass' : '**FAIL**');
  const lines = [
    '# Compatibility with n8n versions',
    '',
    `Written by \`npm run test:compat\` on ${date} (${process.platform}-${process.arch}); do not edit by hand.`,
    'Each version runs in a fresh n8n user folder against the vendor sandbox: the packed package installed',
    'as n8n installs a community package, then the checks below (the same run as `npm start -- --headless --n8n <version>`).',
    'Install time is the time to install that n8n into the machine cache (0 s when it was already there).',
    '',
    '| n8n | Node | result | install | run |',
    '|---|---|---|---|---|',
    ...reports.map((r) => `| ${r.n8nVersion} | ${r.nodeVersion || '?'} | ${cell(r.ok)} | ${formatMs(r.installMs)} | ${formatMs(r.ms - r.installMs)} |`),
    '',
  ];
  const names = [...new Set(reports.flatMap((r) => [...r.checks.map((c) => c.name), ...r.runs.map((w) => `${w.name} (${w.via})`)]))];
  lines.push(`| check | ${reports.map((r) => r.n8nVersion).join(' | ')} |`, `|---|${reports.map(() => '---').join('|')}|`);
  for (const name of names) {
    const cells = reports.map((r) => {
      const check = r.checks.find((c) => c.name === name);
      const run = r.runs.find((w) => `${w.name} (${w.via})` === name);
      if (check) return cell(check.ok);
      if (run) return `${cell(run.ok)} ${formatMs(run.ms)}`;
      return 'not run';
    });
    lines.push(`| ${name.replace(/\|/g, '/')} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const reports: HeadlessReport[] = [];
  for (const version of versionsAsked()) {
    log(`\n=== n8n ${version} ===`);
    const report = await runHeadless({ n8nVersion: version, log });
    reports.push(report);
    log(`=== n8n ${version} on Node ${report.nodeVersion}: ${report.ok ? 'passed' : 'FAILED'} (install ${formatMs(report.installMs)}, run ${formatMs(report.ms - report.installMs)}) ===`);
  }
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(join(ROOT, 'docs', 'compatibility.md'), markdown(reports, date));
  const failed = reports.filter((r) => !r.ok).map((r) => r.n8nVersion);
  log(`\ncompat: ${reports.length - failed.length} passed, ${failed.length} failed (${reports.map((r) => `${r.n8nVersion} ${r.ok ? 'ok' : 'FAIL'}`).join(', ')}) in ${formatMs(Date.now() - started)}; docs/compatibility.md written`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
