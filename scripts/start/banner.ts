import { relative } from 'node:path';
import type { Sandbox } from '../../test/sandbox';
import type { RunningDemo } from './demo';
import { ROOT } from './paths';
import { formatMs } from './proc';

const NOTE = {
  created: '',
  current: '',
  updated: '   (updated from demo/workflows)',
  kept: '   (edited in n8n: kept as you left it; delete it to get the file version back)',
};

/** What `npm start` prints once everything is up: where to go, how to log in, what to try. */
export function banner(demo: RunningDemo, sandbox: Sandbox, dataDir: string, took: string): string {
  const rel = relative(ROOT, dataDir) || '.';
  const link = (id: string) => `${demo.url}/workflow/${id}`;
  const wf = demo.workflows;
  const { keys } = sandbox;
  const emit = `curl -s -X POST '${sandbox.url}/__sandbox/webhooks/emit?wait=true' -H 'content-type: application/json' -d '{"event":"loyalty.points_added","payload":{"guest_id":1,"points":50,"points_balance":150}}'`;
  const fault = `curl -s -X POST ${sandbox.url}/__sandbox/faults -H 'content-type: application/json' -d '{"vendor":"splash","fault":"rate-limit","retryAfterSeconds":3}'`;
  return [
    '',
    `=== venue-connectors demo ready in ${took}${demo.firstRun ? ' (first run: owner, credentials and workflows created)' : ' (reusing ' + rel + ')'} ===`,
    `    build ${formatMs(demo.timings.build)}, package install ${formatMs(demo.timings.install)}, n8n start ${formatMs(demo.timings.n8n)}, setup ${formatMs(demo.timings.setup)}`,
    '',
    `  n8n editor   ${demo.url}          (n8n ${demo.n8nVersion}, SQLite in ${rel}/.n8n)`,
    `  login        ${demo.login.email}`,
    `  password     ${demo.login.password}          (kept in ${rel}/demo-login.json)`,
    `  sandbox      ${sandbox.url}/__sandbox/health   (the four vendor APIs, in memory, fresh on every start)`,
    '',
    '  Credentials (Overview > Credentials): Nectifi sandbox, Splash Air sandbox, SmartWiFi sandbox, anykrowd sandbox.',
    '  Demo workflows (each has a "Run once now" trigger: open it and click Execute workflow):',
    ...wf.map((w) => `    ${w.name}\n      ${link(w.id)}${NOTE[w.status]}`),
    '',
    'What to try:',
    `  1. Open Demo 2 and double-click "Create WiFi voucher": the Venue dropdown lists the Splash venues, read live`,
    '     from the sandbox. Execute the workflow: three customers get a voucher.',
    '  2. Run Demo 1: guests who connected to SmartWiFi are created in Nectifi and sent the welcome email. Each new',
    '     guest makes the sandbox send a signed guest.created webhook to Demo 3 (active), which tops up the anykrowd',
    '     wallet: see Overview > Executions.',
    '  3. Send Demo 3 a signed event yourself:',
    `     ${emit}`,
    '  4. Run Demo 4: 30 days of SmartWiFi connections (thousands of rows, fetched in 30-day windows) summarised per hotspot.',
    '  5. Make the vendor misbehave, then run Demo 2 again: the node waits out the 429 and retries.',
    `     ${fault}`,
    '',
    `  Sandbox demo keys (sandbox only): Nectifi ${keys.nectifi.full}, Splash ${keys.splash.apiKey},`,
    `  SmartWiFi ${keys.smartwifi.apiToken}, anykrowd ${keys.anykrowd.apiKey}; all: ${sandbox.url}/__sandbox/keys`,
    '',
    `Ctrl-C stops n8n and the sandbox. The next npm start reuses ${rel} and is up in seconds (npm start -- --reset starts afresh).`,
    '',
  ].join('\n');
}
