/**
 * Benchmark 4: cold `require` time (a fresh `node` process per measurement, the OS file cache warm)
 * of every built n8n entry point in package.json's `n8n` attribute and of each built Zapier app,
 * with what the host has already loaded (n8n-workflow for n8n, zapier-platform-core for Zapier)
 * loaded first and also fully cold; baselines: the host libraries' own require time. Plus the
 * packed n8n tarball (`npm pack --dry-run --json`), and the memory each entry adds (bench/load-memory.ts).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { measureLoadMemory } from './load-memory';
import { ROOT, ZAPIER_APPS, ensureBuilt, n8nEntries } from './lib/build';
import { fmt, mdTable, summarize, table } from './lib/stats';
import type { BenchOptions, BenchResult, TargetCheck } from './lib/types';

const TARGET_MS = 150;

interface Subject {
  name: string;
  files: string[];
  /** Loaded before the timer starts: what the host (n8n, Zapier) has loaded already. */
  preload?: string;
  kind: 'n8n' | 'zapier' | 'baseline';
  /** Compared with the target. */
  target: boolean;
}

/** One fresh process: preload, then time `require` of each file (ms). */
function coldRequireMs(subject: Subject): number {
  const code = [
    subject.preload ? `require(${JSON.stringify(subject.preload)});` : '',
    'const t0 = process.hrtime.bigint();',
    ...subject.files.map((f) => `require(${JSON.stringify(f)});`),
    'process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return Number(out.trim());
}

export function packInfo(): { filename: string; size: number; unpackedSize: number; entryCount: number } {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const [info] = JSON.parse(out);
  return { filename: info.filename, size: info.size, unpackedSize: info.unpackedSize, entryCount: info.entryCount };
}

export async function runLoadTime(options: BenchOptions): Promise<BenchResult> {
  ensureBuilt(options.log);
  const rounds = options.quick ? 1 : 7;
  const { nodes, credentials } = n8nEntries();
  const entries = [...nodes, ...credentials];
  const abs = (p: string) => join(ROOT, p);
  const subjects: Subject[] = [
    ...entries.map((e): Subject => ({ name: e, files: [abs(e)], preload: 'n8n-workflow', kind: 'n8n', target: true })),
    { name: 'all 13 n8n entries in one process (as n8n loads the package)', files: entries.map(abs), preload: 'n8n-workflow', kind: 'n8n', target: true },
    { name: 'all 13 n8n entries, n8n-workflow not preloaded', files: entries.map(abs), kind: 'n8n', target: false },
    ...ZAPIER_APPS.map((app): Subject => ({ name: `zapier/${app}/build/index.js`, files: [abs(`zapier/${app}/build/index.js`)], preload: 'zapier-platform-core', kind: 'zapier', target: true })),
    { name: 'zapier/nectifi/build/index.js, zapier-platform-core not preloaded', files: [abs('zapier/nectifi/build/index.js')], kind: 'zapier', target: false },
    { name: 'baseline: require("n8n-workflow")', files: ['n8n-workflow'], kind: 'baseline', target: false },
    { name: 'baseline: require("zapier-platform-core")', files: ['zapier-platform-core'], kind: 'baseline', target: false },
    { name: 'baseline: require("zod")', files: ['zod'], kind: 'baseline', target: false },
  ];
  // --quick (a smoke check): the whole n8n package, one Zapier app and one baseline; no warm-up
  // run, no pack (npm itself takes seconds).
  const measured = options.quick
    ? subjects.filter((s) => s.name.startsWith('all 13 n8n entries in one') || s.name === 'zapier/nectifi/build/index.js' || s.name.includes('"n8n-workflow"'))
    : subjects;
  subjects.splice(0, subjects.length, ...measured);
  const samples = new Map<Subject, number[]>(subjects.map((s) => [s, []]));
  // Warm the OS file cache once; then rounds, each subject once per round, order alternating.
  if (!options.quick) for (const s of subjects) coldRequireMs(s);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? subjects : [...subjects].reverse();
    for (const s of order) samples.get(s)?.push(coldRequireMs(s));
  }
  const pack = options.quick ? null : packInfo();
  const memory = await measureLoadMemory(options);

  const header = ['module (fresh node process each run)', 'preloaded', 'require ms (median, p25–p75)', 'min–max'];
  const rows = subjects.map((s) => {
    const v = summarize(samples.get(s) ?? []);
    return [s.name, s.preload ?? '—', fmt(v, 1), `${v.min.toFixed(1)}–${v.max.toFixed(1)}`];
  });
  const targets: TargetCheck[] = subjects
    .filter((s) => s.target)
    .map((s) => {
      const v = summarize(samples.get(s) ?? []);
      return { name: `4. load ${s.name}`, target: `< ${TARGET_MS} ms`, measured: `${v.median.toFixed(1)} ms`, met: v.median < TARGET_MS };
    });
  const packLine = pack
    ? `Packed n8n tarball ${pack.filename}: ${(pack.size / 1024).toFixed(1)} KiB packed, ${(pack.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${pack.entryCount} files.`
    : 'Packed tarball size: not measured in --quick.';
  const note = `${rounds} runs each (after one warm-up run), interleaved; the timer starts after the preload, so node's own start-up is not counted. Each n8n entry alone includes the shared runtime dist/nodes/common/index.js it requires.`;
  return {
    id: 4,
    title: 'Load time: cold require of the built entry points',
    text: `${table(header, rows)}\n${packLine}\n${note}\n\nMemory added by loading:\n${memory.text}`,
    markdown: `${mdTable(header, rows)}\n\n${packLine}\n\n${note}\n\nMemory added by loading:\n\n${memory.markdown}`,
    targets,
    data: { rounds, pack, subjects: subjects.map((s) => ({ ...s, ms: summarize(samples.get(s) ?? []) })), memory: memory.rows },
  };
}
