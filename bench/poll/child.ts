/**
 * Benchmark 2 for one N and one platform, in its own process (forked by bench/poll-cost.ts with
 * NODE_ENV=test): starts a sandbox of that size in a grandchild process (one per platform, so the
 * rows inserted for n8n's triggers do not land in Zapier's windows), runs that platform's polling
 * triggers against it and prints one JSON line `{cells, firstPolls}` on stdout; progress goes to
 * stderr. argv[2]: JSON `{n, ks, rounds, platform}`.
 */
import { UndiciTransport } from '../../shared/http/undici-transport';
import { startSandboxProcess } from '../lib/sandbox-process';
import { fmtNumber } from '../lib/stats';
import { type Cell, credentialsOf, measuredPoll, pollCases } from './cases';

export interface FirstPoll {
  platform: string;
  name: string;
  n: number;
  requests: number;
  wallMs: number;
  error?: string;
}

async function main(): Promise<void> {
  const { n, ks, rounds, platform } = JSON.parse(process.argv[2]) as { n: number; ks: number[]; rounds: number; platform: 'n8n' | 'Zapier' };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const transport = new UndiciTransport();
  const cells: Cell[] = [];
  const firstPolls: FirstPoll[] = [];
  log(`  2. N=${fmtNumber(n)} ${platform}: seeding the sandbox…`);
  const sb = await startSandboxProcess({
    scale: {
      nectifiGuests: n,
      nectifiSessions: n,
      splashCustomers: n,
      splashVisits: n,
      smartwifiGuests: n,
      smartwifiConnections: n,
      smartwifiGuestPlans: n,
      // One user: the demo wallet then holds a large share of the N transactions.
      anykrowdUsers: 1,
      anykrowdTransactions: n,
    },
    nectifiRateLimitPerMinute: 100_000_000,
    anykrowdRateLimitPerHour: 100_000_000,
  });
  log(`  2. N=${fmtNumber(n)} ${platform}: sandbox ready in ${(sb.startupMs / 1000).toFixed(1)} s`);
  try {
    const credentials = credentialsOf(sb);
    for (const c of pollCases(transport).filter((candidate) => candidate.platform === platform)) {
      const base = { platform: c.platform, name: c.name, strategy: c.strategy, expectedText: c.rereadsLookBack ? `${c.expectedText} (of k + L)` : c.expectedText, n };
      const skipped = c.skipAt?.(n);
      if (skipped) {
        for (const k of ks) cells.push({ ...base, k, expected: c.expected(k), samples: [], skipped });
        continue;
      }
      const poller = await c.create(sb, credentials);
      // The first poll records where the list is (n8n) or fills Zapier's dedup set.
      const first = await measuredPoll(sb, c.vendor, poller, c.platform === 'n8n');
      firstPolls.push({ platform: c.platform, name: c.name, n, requests: first.requests, wallMs: first.wallMs, error: first.error });
      if (first.error) {
        const reason = `first poll failed after ${(first.wallMs / 1000).toFixed(1)} s (${first.requests} requests): ${first.error}`;
        for (const k of ks) cells.push({ ...base, k, expected: c.expected(k), samples: [], skipped: reason });
        log(`  2. N=${fmtNumber(n)} ${c.platform} ${c.name}: ${reason}`);
        continue;
      }
      const r = c.roundsAt?.(n, rounds) ?? rounds;
      const mine: Cell[] = [];
      for (const k of ks) {
        const cell: Cell = { ...base, k, expected: c.expected(k), samples: [] };
        for (let round = 0; round < r; round++) {
          if (k > 0) await c.insert(sb, k);
          cell.samples.push(await measuredPoll(sb, c.vendor, poller, c.platform === 'n8n', (lookBackRows) => c.expected(k + (c.rereadsLookBack ? lookBackRows : 0))));
        }
        mine.push(cell);
      }
      cells.push(...mine);
      log(`  2. N=${fmtNumber(n)} ${c.platform} ${c.name}: ${mine.map((cell) => `k=${cell.k}: ${cell.samples.map((s) => s.requests).join('/')} req`).join(', ')}`);
    }
  } finally {
    await sb.close();
    await transport.close();
  }
  process.stdout.write(`${JSON.stringify({ cells, firstPolls })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`poll-cost child failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
