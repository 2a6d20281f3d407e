/**
 * Benchmark 3: peak RSS of exporting every SmartWiFi connection through the window iterator and of
 * paging every Nectifi guest through the offset iterator, each walk in its own fresh process
 * (VmHWM), at several N; baselines: the same walks with raw undici + JSON.parse (the same
 * requests), SmartWiFi's windows without the 12-hour reach past their edges (what keeping roaming
 * connections whole costs) and with plain 30-day windows (the vendor's maximum span).
 * Target: ours within raw undici's peak + 10 MB in the same run, and flat in N.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatUtc } from '../shared/client/paginate';
import { bundle } from './lib/bundle';
import { startSandboxProcess } from './lib/sandbox-process';
import { fmt, fmtNumber, mdTable, summarize, table } from './lib/stats';
import type { BenchOptions, BenchResult, TargetCheck } from './lib/types';
import type { WalkReport, WalkSpec } from './memory/walk';

/** Ours may peak this much above raw undici doing the same requests, in the same run. */
const MARGIN_MB = 10;
const DAY = 86_400_000;
/** Extra rounds for the compared pair (ours, raw) in a full run. */
const PAIR_EXTRA_ROUNDS = 2;

type Variant = WalkSpec['variant'];

function runWalk(script: string, spec: WalkSpec): Promise<WalkReport> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, JSON.stringify(spec)], { timeout: 15 * 60_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${spec.walk}/${spec.variant}: ${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}'));
    });
  });
}

interface Cell {
  walk: WalkSpec['walk'];
  variant: Variant;
  n: number;
  reports: WalkReport[];
}

export async function runMemory(options: BenchOptions): Promise<BenchResult> {
  const sizes = options.quick ? [10_000] : [100_000, 1_000_000];
  const rounds = options.quick ? 1 : 3;
  const pairRounds = options.quick ? 1 : rounds + PAIR_EXTRA_ROUNDS;
  const scripts = { ours: await bundle(join(__dirname, 'memory', 'ours-child.ts')), raw: await bundle(join(__dirname, 'memory', 'raw-child.ts')) };
  const cells: Cell[] = [];
  try {
  for (const n of sizes) {
    options.log(`  3. N=${fmtNumber(n)}: seeding the sandbox…`);
    const sandbox = await startSandboxProcess({ scale: { nectifiGuests: n, smartwifiConnections: n }, nectifiRateLimitPerMinute: 100_000_000 });
    try {
      const now = Date.now();
      const base = { from: formatUtc(now - 182 * DAY, false), to: formatUtc(now + DAY, false) };
      const smartwifi = { walk: 'smartwifi-connections' as const, baseUrl: sandbox.urls.smartwifi, key: sandbox.keys.smartwifi.apiToken, ...base };
      const nectifi = { walk: 'nectifi-guests' as const, baseUrl: sandbox.urls.nectifi, key: sandbox.keys.nectifi.full, ...base };
      const variants: Array<{ spec: WalkSpec; variant: Variant }> = [];
      for (const target of [smartwifi, nectifi]) {
        variants.push({ spec: { ...target, variant: 'ours' }, variant: 'ours' });
        variants.push({ spec: { ...target, variant: 'raw' }, variant: 'raw' });
        if (target === smartwifi) {
          variants.push({ spec: { ...target, variant: 'raw-no-reach' }, variant: 'raw-no-reach' });
          variants.push({ spec: { ...target, variant: 'raw-30d' }, variant: 'raw-30d' });
        }
      }
      const byVariant = variants.map((v) => ({ ...v, cell: { walk: v.spec.walk, variant: v.variant, n, reports: [] as WalkReport[] } }));
      // Ours and raw, the pair the target compares, get more rounds: a single walk's peak varies by
      // 10–40 MB with when V8 collects (min–max columns), for both alike.
      for (let round = 0; round < pairRounds; round++) {
        const order = (round % 2 === 0 ? byVariant : [...byVariant].reverse()).filter((v) => round < rounds || v.variant === 'ours' || v.variant === 'raw');
        for (const { spec, variant, cell } of order) {
          const script = spec.variant === 'ours' ? scripts.ours : scripts.raw;
          const report = await runWalk(script, spec);
          if (report.items !== n) throw new Error(`${spec.walk}/${variant} at N=${n}: walked ${report.items} items`);
          cell.reports.push(report);
          options.log(`  3. N=${fmtNumber(n)} ${spec.walk} ${variant}: peak ${report.peakRssMb.toFixed(1)} MB, ${report.requests} requests, ${(report.ms / 1000).toFixed(1)} s`);
        }
      }
      cells.push(...byVariant.map((v) => v.cell));
    } finally {
      await sandbox.close();
    }
  }
  } finally {
    for (const script of Object.values(scripts)) rmSync(dirname(script), { recursive: true, force: true });
  }

  const label: Record<Variant, string> = {
    ours: 'ours (client.iterate)',
    raw: 'raw undici + JSON.parse, same requests',
    'raw-no-reach': 'raw, same windows without the 12-h reach',
    'raw-30d': 'raw undici + JSON.parse, 30-day windows',
  };
  const header = ['walk', 'variant', 'N', 'peak RSS MB (VmHWM)', 'RSS at start MB', 'peak heap used MB', 'requests', 'largest page (items / KB)', 'walk s'];
  const rows = cells.map((c) => {
    const peak = summarize(c.reports.map((r) => r.peakRssMb));
    return [
      c.walk,
      label[c.variant],
      fmtNumber(c.n),
      rounds > 1 ? `${peak.median.toFixed(1)} (${peak.min.toFixed(1)}–${peak.max.toFixed(1)})` : peak.median.toFixed(1),
      summarize(c.reports.map((r) => r.startRssMb)).median.toFixed(1),
      summarize(c.reports.map((r) => r.peakHeapUsedMb)).median.toFixed(1),
      fmtNumber(c.reports[0].requests),
      `${fmtNumber(Math.max(...c.reports.map((r) => r.largestPageItems)))} / ${fmtNumber(Math.max(...c.reports.map((r) => r.largestBodyKb)))}`,
      fmt(summarize(c.reports.map((r) => r.ms / 1000)), 1),
    ];
  });
  const targets: TargetCheck[] = [];
  const peakOf = (c: Cell) => summarize(c.reports.map((r) => r.peakRssMb)).median;
  for (const walk of ['smartwifi-connections', 'nectifi-guests'] as const) {
    const ours = cells.filter((c) => c.walk === walk && c.variant === 'ours');
    const peaks = ours.map((c) => {
      const raw = cells.find((r) => r.walk === walk && r.variant === 'raw' && r.n === c.n);
      return { n: c.n, mb: peakOf(c), rawMb: raw ? peakOf(raw) : Number.NaN };
    });
    const over = peaks.map((p) => p.mb - p.rawMb);
    const growth = peaks.length > 1 ? peaks[peaks.length - 1].mb - peaks[0].mb : 0;
    const rawGrowth = peaks.length > 1 ? peaks[peaks.length - 1].rawMb - peaks[0].rawMb : 0;
    const signed = (mb: number) => `${mb >= 0 ? '+' : ''}${mb.toFixed(1)} MB`;
    targets.push({
      name: `3. memory, ${walk} (ours)`,
      target: `peak RSS ≤ raw undici's + ${MARGIN_MB} MB (same run), flat in N (the excess over raw grows ≤ ${MARGIN_MB} MB)`,
      measured: `${peaks.map((p) => `${p.mb.toFixed(1)} MB vs ${p.rawMb.toFixed(1)} MB (${signed(p.mb - p.rawMb)}) at N=${fmtNumber(p.n)}`).join(', ')}${peaks.length > 1 ? `; ${signed(growth)} from N=${fmtNumber(peaks[0].n)} (raw ${signed(rawGrowth)})` : ''}`,
      // Flat: what ours takes beyond raw grows by no more than the margin from the smallest N to the
      // largest (V8 sizes both heaps by itself; ours below raw counts as nothing taken beyond it).
      met: over.every((mb) => mb <= MARGIN_MB) && (peaks.length < 2 || Math.max(0, over[over.length - 1]) - Math.max(0, over[0]) <= MARGIN_MB),
      note: options.quick ? 'quick: one N only, flatness not shown' : undefined,
    });
  }
  const note = `${pairRounds} run(s) per cell for ours and raw undici with the same requests, ${rounds} for the other baselines (peak: median, min–max; the two orders alternate), each a fresh \`node\` process running an esbuild bundle (no TypeScript loader): bench/memory/ours-child.ts (shared client, zod, undici) or bench/memory/raw-child.ts (undici only, the same requests with the same window sizing); the sandbox in its own process. SmartWiFi: from/to over the whole 180-day history (183 days asked). For scale: a bare \`node\` process is ~39 MB RSS, ~59 MB after require('undici').`;
  return {
    id: 3,
    title: 'Memory: exporting through the async iterators',
    text: `${table(header, rows)}\n${note}`,
    markdown: `${mdTable(header, rows)}\n\n${note}`,
    targets,
    data: { rounds, pairRounds, sizes, cells },
  };
}
