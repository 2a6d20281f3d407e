/**
 * Benchmark 1: per-call overhead of the shared client (input validation, request building, retry
 * wrapper, error mapping, JSON decoding, output check) against a raw undici `request` on the same
 * keep-alive Agent, with the same URL and headers, parsing the same JSON.
 */
import { request } from 'undici';
import { createAnykrowdClient } from '../shared/anykrowd';
import { getCurrency } from '../shared/anykrowd/operations/currencies';
import { buildRequest } from '../shared/client/build-request';
import { decodeBody } from '../shared/client/decode';
import type { OperationRunner } from '../shared/client/runner';
import type { OperationDeclaration } from '../shared/core/operation';
import type { HttpRequest, HttpResponse, Transport } from '../shared/http/transport';
import { UndiciTransport } from '../shared/http/undici-transport';
import { createNectifiClient } from '../shared/nectifi';
import { listGuests } from '../shared/nectifi/operations/crm';
import { startSandboxProcess } from './lib/sandbox-process';
import { type Summary, fmt, interleaved, mdTable, ratios, summarize, table } from './lib/stats';
import type { BenchOptions, BenchResult, TargetCheck } from './lib/types';

const TARGET_RATIO = 1.1;

interface Case {
  name: string;
  calls: number;
  concurrency: number;
  ours: () => Promise<unknown>;
  raw: () => Promise<unknown>;
}

interface CaseResult {
  name: string;
  concurrency: number;
  calls: number;
  oursUs: Summary;
  rawUs: Summary;
  ratio: number;
  ratioPerRound: Summary;
  oursCpuUs: Summary;
  rawCpuUs: Summary;
}

/** Runs `calls` calls of `fn`, `concurrency` at a time; returns wall µs and client CPU µs per call. */
async function batch(fn: () => Promise<unknown>, calls: number, concurrency: number): Promise<{ wallUs: number; cpuUs: number }> {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const worker = async () => {
    while (next < calls) {
      next++;
      await fn();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallUs = ((performance.now() - t0) * 1000) / calls;
  const cpu = process.cpuUsage(cpu0);
  return { wallUs, cpuUs: (cpu.user + cpu.system) / calls };
}

/** The request exactly as the client sends it: raw undici gets the same URL and headers. */
function wireRequest(runner: OperationRunner, op: OperationDeclaration, input: unknown): HttpRequest {
  return buildRequest(op, runner.connection, runner.prepare(op, input), { includeAuth: true, timeoutMs: 30_000 });
}

export async function runOverhead(options: BenchOptions): Promise<BenchResult> {
  const rounds = options.quick ? 3 : 21;
  const sandbox = await startSandboxProcess({ nectifiRateLimitPerMinute: 100_000_000, anykrowdRateLimitPerHour: 100_000_000 });
  const transport = new UndiciTransport();
  const agent = transport.agent;
  try {
    const clientOptions = { transport, rateLimit: false as const };
    const anykrowd = createAnykrowdClient({ tenantUrl: sandbox.urls.anykrowd, apiKey: sandbox.keys.anykrowd.apiKey, allowHttp: true }, clientOptions);
    const nectifi = createNectifiClient({ apiKey: sandbox.keys.nectifi.full, baseUrl: sandbox.urls.nectifi, allowHttp: true }, clientOptions);
    const currencyId = sandbox.keys.anykrowd.currencyId;
    const smallReq = wireRequest(anykrowd.runner, getCurrency, { id: currencyId });
    const listReq = wireRequest(nectifi.runner, listGuests, { limit: 200 });

    const rawCall = (req: HttpRequest) => async () => {
      const res = await request(req.url, { method: req.method, headers: req.headers, dispatcher: agent });
      const text = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`raw ${req.url}: ${res.statusCode}`);
      return JSON.parse(text);
    };
    const oursSmall = async () => await anykrowd.getCurrency({ id: currencyId });
    const oursList = async () => {
      const items = await nectifi.listGuests({ limit: 200 });
      if (items.length !== 200) throw new Error(`listGuests returned ${items.length} items`);
      return items;
    };

    const small = options.quick ? 100 : 1000;
    const list = options.quick ? 25 : 150;
    const cases: Case[] = [
      { name: 'small GET (anykrowd getCurrency)', calls: small, concurrency: 1, ours: oursSmall, raw: rawCall(smallReq) },
      { name: 'small GET (anykrowd getCurrency)', calls: small * 2, concurrency: 16, ours: oursSmall, raw: rawCall(smallReq) },
      { name: '200-item page (nectifi listGuests)', calls: list, concurrency: 1, ours: oursList, raw: rawCall(listReq) },
      { name: '200-item page (nectifi listGuests)', calls: list * 2, concurrency: 16, ours: oursList, raw: rawCall(listReq) },
    ];

    const results: CaseResult[] = [];
    for (const c of cases) {
      // Warm-up: JIT, sockets of the pool, the sandbox's caches.
      await batch(c.ours, Math.min(c.calls, 50), c.concurrency);
      await batch(c.raw, Math.min(c.calls, 50), c.concurrency);
      const cpu = { ours: [] as number[], raw: [] as number[] };
      const wall = await interleaved(
        {
          ours: async () => {
            const r = await batch(c.ours, c.calls, c.concurrency);
            cpu.ours.push(r.cpuUs);
            return r.wallUs;
          },
          raw: async () => {
            const r = await batch(c.raw, c.calls, c.concurrency);
            cpu.raw.push(r.cpuUs);
            return r.wallUs;
          },
        },
        rounds,
      );
      const ratio = ratios(wall.ours, wall.raw);
      results.push({
        name: c.name,
        concurrency: c.concurrency,
        calls: c.calls,
        oursUs: summarize(wall.ours),
        rawUs: summarize(wall.raw),
        ratio: ratio.ofMedians,
        ratioPerRound: ratio.perRound,
        oursCpuUs: summarize(cpu.ours),
        rawCpuUs: summarize(cpu.raw),
      });
      options.log(`  1. ${c.name} ×${c.concurrency}: ratio ${ratio.ofMedians.toFixed(3)}`);
    }

    const breakdown = await cpuBreakdown(nectifi.runner, listReq, options.quick ? 200 : 1000, agent);

    const header = ['call', 'in flight', 'ours µs/call', 'raw undici µs/call', 'ratio (of medians)', 'per-round ratio p25–p75', 'client CPU µs/call ours / raw'];
    const rows = results.map((r) => [
      r.name,
      String(r.concurrency),
      fmt(r.oursUs, 0),
      fmt(r.rawUs, 0),
      `${r.ratio.toFixed(3)}×`,
      `${r.ratioPerRound.p25.toFixed(3)}–${r.ratioPerRound.p75.toFixed(3)}`,
      `${r.oursCpuUs.median.toFixed(0)} / ${r.rawCpuUs.median.toFixed(0)}`,
    ]);
    const bHeader = ['step (200-item page, in process, no network)', 'µs per page (median, p25–p75)'];
    const bRows = breakdown.map((b) => [b.step, fmt(b.us, 1)]);
    const targets: TargetCheck[] = results.map((r) => ({
      name: `1. overhead, ${r.name}, ${r.concurrency} in flight`,
      target: `≤ ${TARGET_RATIO.toFixed(2)}× raw undici (median)`,
      measured: `${r.ratio.toFixed(3)}×`,
      met: r.ratio <= TARGET_RATIO,
    }));
    const note = `${rounds} rounds, interleaved (ours/raw alternating order); wall time per call, median (p25–p75) over rounds; ${small}/${list} calls per round sequential, twice that with 16 in flight; same UndiciTransport Agent (16 connections, keep-alive) for both; client rate limit off; sandbox in a child process.`;
    return {
      id: 1,
      title: 'Per-call overhead: shared client vs raw undici',
      text: `${table(header, rows)}\n\n${table(bHeader, bRows)}\n${note}`,
      markdown: `${mdTable(header, rows)}\n\nWhere the client's CPU goes for one 200-item page (fake transport returning the sandbox's real body, ${options.quick ? 200 : 1000} iterations):\n\n${mdTable(bHeader, bRows)}\n\n${note}`,
      targets,
      data: { rounds, results, breakdown },
    };
  } finally {
    await transport.close();
    await sandbox.close();
  }
}

/**
 * The client's CPU per 200-item page, without the network: a transport that answers the body the
 * sandbox really sent, and each step of `runner.call` timed on its own.
 */
async function cpuBreakdown(runner: OperationRunner, listReq: HttpRequest, iterations: number, agent: UndiciTransport['agent']) {
  const res = await request(listReq.url, { method: 'GET', headers: listReq.headers, dispatcher: agent });
  const body = await res.body.text();
  const canned: HttpResponse = { status: 200, headers: { 'content-type': 'application/json' }, body };
  const fake: Transport = { send: async () => canned };
  const { OperationRunner } = await import('../shared/client/runner');
  const offline = new OperationRunner(runner.profile, runner.connection, { transport: fake, rateLimit: false });
  const parsed = JSON.parse(body);
  const steps: Array<{ step: string; fn: () => unknown }> = [
    { step: `JSON.parse of the body (${(body.length / 1024).toFixed(0)} KB) — what raw undici does`, fn: () => JSON.parse(body) },
    { step: 'validateInput + buildRequest (runner.prepare, buildRequest)', fn: () => buildRequest(listGuests, runner.connection, offline.prepare(listGuests, { limit: 200 }), { includeAuth: true, timeoutMs: 30_000 }) },
    { step: 'decodeBody (once per response)', fn: () => decodeBody(canned) },
    { step: 'zod safeParse of each of the 200 items (the check without the shape guard)', fn: () => parsed.items.map((item: unknown) => listGuests.output.safeParse(item)) },
    { step: 'itemsFrom: output check of 200 items (shape guard first, zod only when it says no)', fn: () => offline.itemsFrom(listGuests, parsed) },
    { step: 'whole runner.call with the fake transport', fn: () => offline.call(listGuests, { limit: 200 }) },
  ];
  const out: Array<{ step: string; us: Summary }> = [];
  for (const s of steps) {
    for (let i = 0; i < 20; i++) await s.fn();
    const samples: number[] = [];
    for (let round = 0; round < 7; round++) {
      const t0 = performance.now();
      for (let i = 0; i < iterations / 7; i++) await s.fn();
      samples.push(((performance.now() - t0) * 1000) / Math.floor(iterations / 7));
    }
    out.push({ step: s.step, us: summarize(samples) });
  }
  return out;
}
