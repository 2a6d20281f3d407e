/**
 * Benchmark 5: Nectifi webhook verification per second on a 2 KB delivery: `verifyNectifiDelivery`
 * (size cap, HMAC-SHA256 in constant time, JSON parse, event shape, freshness) and
 * `isValidSignature` alone, against a bare `crypto.createHmac(...).digest('hex')` of the same body.
 */
import { createHmac } from 'node:crypto';
import { isValidSignature, signNectifiBody, verifyNectifiDelivery } from '../shared/nectifi/webhook';
import { fmt, interleaved, mdTable, summarize, table } from './lib/stats';
import type { BenchOptions, BenchResult } from './lib/types';

const TARGET_PER_SECOND = 100_000;
const SECRET = 'whsec_bench_0123456789abcdef0123456789abcdef';

/** A `guest.created` delivery padded with realistic fields to `bytes`. */
export function delivery(bytes: number, nowMs: number): Buffer {
  const base = {
    event: 'guest.created',
    tenant_id: 42,
    payload: {
      id: 123456,
      name: 'Alex Example',
      email: 'alex.example@example.com',
      phone: '+32470000000',
      location_id: 7,
      portal_id: 3,
      tags: ['vip', 'newsletter'],
      marketing_consent: true,
      created_at: new Date(nowMs).toISOString(),
      custom_fields: {} as Record<string, string>,
    },
    timestamp: new Date(nowMs).toISOString(),
  };
  for (let i = 0; Buffer.byteLength(JSON.stringify(base)) < bytes; i++) base.payload.custom_fields[`field_${i}`] = 'x'.repeat(24);
  const text = JSON.stringify(base);
  return Buffer.from(text, 'utf8');
}

export async function runWebhook(options: BenchOptions): Promise<BenchResult> {
  const rounds = options.quick ? 3 : 15;
  const perRound = options.quick ? 10_000 : 100_000;
  const nowMs = Date.now();
  const body = delivery(2048, nowMs);
  const signature = signNectifiBody(SECRET, body);
  if (!verifyNectifiDelivery({ secret: SECRET, rawBody: body, signature, nowMs }).ok) throw new Error('the benchmark delivery does not verify');

  const rate = (fn: () => unknown) => async () => {
    const t0 = performance.now();
    for (let i = 0; i < perRound; i++) fn();
    return perRound / ((performance.now() - t0) / 1000);
  };
  let sink = 0;
  const variants = {
    verifyNectifiDelivery: rate(() => {
      const r = verifyNectifiDelivery({ secret: SECRET, rawBody: body, signature, nowMs });
      if (!r.ok) throw new Error(r.reason);
    }),
    isValidSignature: rate(() => {
      if (!isValidSignature(SECRET, body, signature)) throw new Error('signature');
    }),
    'createHmac baseline': rate(() => {
      sink += createHmac('sha256', SECRET).update(body).digest('hex').length;
    }),
    // Not a verification: the other half of verifyNectifiDelivery's cost, for the breakdown.
    'JSON.parse(rawBody.toString()) only': rate(() => {
      sink += (JSON.parse(body.toString()) as { event: string }).event.length;
    }),
  };
  // Warm-up.
  for (const fn of Object.values(variants)) await fn();
  const measured = await interleaved(variants, rounds);
  void sink;

  const base = summarize(measured['createHmac baseline']);
  const header = ['what', 'calls/s (median, p25–p75)', 'min–max', 'vs createHmac', 'µs/call'];
  const rows = Object.entries(measured).map(([name, values]) => {
    const s = summarize(values);
    return [name, fmt(s, 0), `${s.min.toFixed(0)}–${s.max.toFixed(0)}`, `${(s.median / base.median).toFixed(3)}×`, (1e6 / s.median).toFixed(2)];
  });
  const verify = summarize(measured.verifyNectifiDelivery);
  const note = `${body.length}-byte delivery (Buffer, as n8n's rawBody), ${rounds} rounds of ${perRound.toLocaleString('en-US')} calls, interleaved; one core.`;
  return {
    id: 5,
    title: 'Webhook verify: verifyNectifiDelivery vs bare createHmac',
    text: `${table(header, rows)}\n${note}`,
    markdown: `${mdTable(header, rows)}\n\n${note}`,
    targets: [
      {
        name: '5. webhook verifications per second (2 KB)',
        target: `≥ ${TARGET_PER_SECOND.toLocaleString('en-US')}/s`,
        measured: `${Math.round(verify.median).toLocaleString('en-US')}/s`,
        met: verify.median >= TARGET_PER_SECOND,
      },
    ],
    data: { rounds, perRound, bytes: body.length, measured: Object.fromEntries(Object.entries(measured).map(([k, v]) => [k, summarize(v)])) },
  };
}
