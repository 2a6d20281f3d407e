/**
 * `npm start -- --headless`, in-process so the sandbox's state can be read: every demo workflow
 * runs once through the real n8n CLI (`n8n execute --id`), the webhook demo also through a delivery
 * the sandbox signs, and the sandbox shows what they did.
 */
import { type Sandbox, startSandbox } from '../sandbox';
import { type HeadlessReport, runHeadless } from '../../scripts/start/headless';
import { log, redact, redacted } from './support';

let sandbox: Sandbox;
let report: HeadlessReport;
const lines: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true });
  report = await runHeadless({
    sandbox,
    log: (line) => {
      lines.push(line);
      log(redact(line));
    },
  });
});

afterAll(async () => {
  await sandbox?.close();
});

const byId = (id: string, via = 'n8n execute') => report.runs.find((r) => r.id === id && r.via === via);

test('the headless run passes: n8n healthy, all nodes, credentials and workflows there, every demo ok', async () => {
  await redacted(() => {
    const failed = [...report.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`), ...report.runs.filter((r) => !r.ok).map((r) => `${r.name}: ${r.error}`)];
    if (failed.length) throw new Error(`headless run failed:\n${failed.join('\n')}\n--- output ---\n${lines.join('\n')}`);
    expect(report.ok).toBe(true);
    expect(report.runs.filter((r) => r.via === 'n8n execute').map((r) => r.id)).toEqual(['vcDemo1WifiGuest', 'vcDemo2SplashVch', 'vcDemo3NectTopup', 'vcDemo4WifiExprt']);
  });
});

test('demo 1 created Nectifi guests and the sandbox recorded their welcome emails', () => {
  const run = byId('vcDemo1WifiGuest');
  const emails = [...sandbox.state.nectifi.emails.values()].filter((e) => e.template_slug === 'welcome_email');
  expect(run?.output.length).toBeGreaterThan(0);
  expect(emails.length).toBe(run?.output.length);
  for (const e of emails) expect(sandbox.state.nectifi.guests.get(e.guest_id)?.email).toBe(e.recipient);
});

test('demo 2 created WiFi vouchers at the venue picked in the dropdown', () => {
  const run = byId('vcDemo2SplashVch');
  const codes = (run?.output ?? []).map((v) => v.code);
  const created = sandbox.state.splash.vouchers.filter((v) => codes.includes(v.code));
  expect(created.length).toBe(codes.length);
  expect(created.length).toBeGreaterThan(0);
  for (const v of created) {
    expect(v.venue_id).toBe(2);
    expect(v.code).toMatch(/^WELCOME-\d+-\d+$/);
  }
});

test('demo 3 topped up the anykrowd wallet: once from the signed webhook, once from the CLI run', () => {
  const nanoids = [...(byId('vcDemo3NectTopup', 'signed webhook')?.output ?? []), ...(byId('vcDemo3NectTopup')?.output ?? [])].map((t) => String(t.nanoid));
  expect(nanoids).toHaveLength(2);
  const user = sandbox.state.anykrowd.users.find((u) => u.external_id === sandbox.keys.anykrowd.userExternalId);
  const txs = sandbox.state.anykrowd.transactions.filter((t) => nanoids.includes(t.nanoid));
  expect(txs).toHaveLength(2);
  for (const t of txs) {
    expect(t.user_id).toBe(user?.id);
    expect(t.type).toBe('top_up');
    expect(t.amount_cents).toBe(500);
  }
  expect(report.checks.find((c) => c.name === 'unsigned webhook delivery refused')?.ok).toBe(true);
  const deliveries = sandbox.webhooks.deliveries.filter((d) => d.url.includes('/webhook/') && d.status === 200);
  expect(deliveries.length).toBeGreaterThanOrEqual(1);
});

test('demo 4 summarised 30 days of connections per hotspot', () => {
  const rows = byId('vcDemo4WifiExprt')?.output ?? [];
  const hotspots = sandbox.state.smartwifi.hotspots.map((h) => h.name).sort();
  expect(rows.map((r) => String(r.hotspot)).sort()).toEqual(hotspots);
  const counts = rows.map((r) => Number(r.connections));
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
});
