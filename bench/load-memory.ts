/**
 * Benchmark 4, memory: what loading each built entry adds to a process (RSS and V8 heap in use,
 * after a full GC before and after), in a fresh `node --expose-gc` process per run. n8n entries
 * alone and all together, also with every node class instantiated as n8n does at start-up (the
 * node descriptions read the declarations' field schemas); each Zapier app (its definition reads
 * them too); the standalone shared client as benchmark 3's export walk loads it, against undici
 * alone. Standalone: `npx tsx bench/load-memory.ts` prints the table.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, ZAPIER_APPS, ensureBuilt, n8nEntries, zapierBuild } from './lib/build';
import { bundle } from './lib/bundle';
import { mdTable, summarize, table } from './lib/stats';

export interface LoadMemorySubject {
  name: string;
  files: string[];
  /** Loaded before the first measurement: what the host has loaded already. */
  preload?: string;
  /** Instantiate every exported class (n8n creates each node and credential at start-up). */
  instantiate?: boolean;
}

export interface LoadMemoryRow {
  subject: LoadMemorySubject;
  rssMb: number[];
  heapMb: number[];
}

function measureOnce(subject: LoadMemorySubject): { rssMb: number; heapMb: number } {
  const code = [
    subject.preload ? `require(${JSON.stringify(subject.preload)});` : '',
    'gc(); gc();',
    'const before = process.memoryUsage();',
    `for (const file of ${JSON.stringify(subject.files)}) {`,
    '  const loaded = require(file);',
    subject.instantiate ? '  for (const value of Object.values(loaded)) if (typeof value === "function" && value.prototype) new value();' : '',
    '}',
    'gc(); gc();',
    'const after = process.memoryUsage();',
    'process.stdout.write(JSON.stringify({ rssMb: (after.rss - before.rss) / 2 ** 20, heapMb: (after.heapUsed - before.heapUsed) / 2 ** 20 }));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--expose-gc', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out);
}

/** The shared client as benchmark 3's walk loads it (bundled), and undici alone (the raw walk's). */
async function clientBundles(): Promise<{ client: string; undici: string; cleanup(): void }> {
  const client = await bundle(join(__dirname, 'memory', 'load-client.ts'));
  const undici = await bundle(join(__dirname, 'memory', 'load-undici.ts'));
  return { client, undici, cleanup: () => [client, undici].forEach((file) => rmSync(dirname(file), { recursive: true, force: true })) };
}

export async function measureLoadMemory(options: { quick: boolean; log(line: string): void }): Promise<{ rows: LoadMemoryRow[]; text: string; markdown: string }> {
  ensureBuilt(options.log);
  const runs = options.quick ? 1 : 3;
  const { nodes, credentials } = n8nEntries();
  const abs = (p: string) => join(ROOT, p);
  const bundles = await clientBundles();
  const all: LoadMemorySubject[] = [
    { name: 'all 13 n8n entries (require)', files: [...nodes, ...credentials].map(abs), preload: 'n8n-workflow' },
    { name: 'all 13 n8n entries, each class instantiated (as n8n starts)', files: [...nodes, ...credentials].map(abs), preload: 'n8n-workflow', instantiate: true },
    ...nodes.map((e): LoadMemorySubject => ({ name: `${e}, instantiated`, files: [abs(e)], preload: 'n8n-workflow', instantiate: true })),
    ...ZAPIER_APPS.map((app): LoadMemorySubject => ({ name: `zapier/${app}/build/index.js`, files: [zapierBuild(app)], preload: 'zapier-platform-core' })),
    { name: 'shared client, Nectifi + SmartWiFi + undici (benchmark 3, ours)', files: [bundles.client] },
    { name: 'undici alone (benchmark 3, raw)', files: [bundles.undici] },
    { name: 'zod/v4/mini alone (unbundled: every module file of it)', files: ['zod/v4/mini'] },
  ];
  const subjects = options.quick ? all.filter((s) => s.name.startsWith('all 13') || s.name.startsWith('shared client') || s.name.startsWith('undici')) : all;
  const rows: LoadMemoryRow[] = subjects.map((subject) => ({ subject, rssMb: [], heapMb: [] }));
  try {
    for (let run = 0; run < runs; run++) {
      for (const row of run % 2 === 0 ? rows : [...rows].reverse()) {
        const { rssMb, heapMb } = measureOnce(row.subject);
        row.rssMb.push(rssMb);
        row.heapMb.push(heapMb);
      }
    }
  } finally {
    bundles.cleanup();
  }
  const header = ['loaded (fresh node --expose-gc process each run)', 'preloaded', 'RSS added MB (median, min–max)', 'heap used added MB (median)'];
  const cells = rows.map((r) => {
    const rss = summarize(r.rssMb);
    return [r.subject.name, r.subject.preload ?? '—', `${rss.median.toFixed(1)} (${rss.min.toFixed(1)}–${rss.max.toFixed(1)})`, summarize(r.heapMb).median.toFixed(1)];
  });
  const note = `${runs} run(s) each, interleaved; memory read after two full GCs before the first require and after the last; "instantiated": \`new\` of every exported class, as n8n does when it loads the package (node descriptions read every field schema of their vendor). Where the preload (zapier-platform-core) leaves garbage, the GC can return more pages than the app adds: read the heap column there.`;
  return { rows, text: `${table(header, cells)}\n${note}`, markdown: `${mdTable(header, cells)}\n\n${note}` };
}

if (require.main === module) {
  measureLoadMemory({ quick: process.argv.includes('--quick'), log: (line) => process.stderr.write(`${line}\n`) })
    .then(({ text }) => process.stdout.write(`${text}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? error}\n`);
      process.exitCode = 1;
    });
}
