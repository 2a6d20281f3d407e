/**
 * `npm run test:templates`: every workflow in templates/ runs once in the real n8n (the newest
 * pinned, from the machine cache) with this package installed, against the vendor sandbox.
 *
 * For each template (and its spec in test/templates/): new rows go into the sandbox, the template's
 * copy is imported with its third-party nodes pinned (HubSpot, Gmail, Slack, Mailchimp, Google
 * Sheets answer from pinned data, so nothing leaves the machine) and probed (their expression
 * parameters resolved by n8n for each item), then run as the editor runs it: our polling trigger
 * polls the sandbox for real (a webhook trigger gets a delivery the sandbox signs and sends to its
 * test URL), our action nodes call it for real. Checked: the n8n nodes are valid for this
 * n8n, the run succeeded, every node ran, ours live and the pinned ones with exactly their pinned
 * output, no connection to a proxy trap (nothing tried to leave 127.0.0.1), and the spec's
 * expectations on the sandbox's state and on what the third-party nodes received.
 *
 *   --only <text>        only the templates whose file name contains it
 *   --screenshots        also save each template in the editor as docs/template-<n>.png (headless chromium)
 *   --n8n <version>      a pinned n8n version (default: the newest pinned 2.x)
 *   --keep               keep the temporary n8n data folder
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../test/sandbox';
import { TEMPLATE_SPECS } from '../../test/templates';
import { defaultVersion, ensureN8n } from '../runtime/n8n';
import { type RunningDemo, startDemo } from '../start/demo';
import { redactKeys } from '../start/headless';
import { ROOT } from '../start/paths';
import { formatMs } from '../start/proc';
import { importWorkflows, loadDemoWorkflows } from '../start/setup';
import { ensureChromium } from '../../test/demo/support';
import { createPlaceholderCredentials } from './credentials';
import { proxyEnv, startNetTrap } from './net-trap';
import { type Outcome, runTemplate } from './run-template';
import type { TemplateSpec } from './spec';
import { takeScreenshots } from './screenshots';
import { NodeCatalog } from './validate';

export const TEMPLATES_DIR = join(ROOT, 'templates');
const OURS = new Set(['nectifiApi', 'splashAirApi', 'smartWifiApi', 'anykrowdApi']);

const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const flag = (name: string) => process.argv.includes(`--${name}`);

async function main(): Promise<void> {
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const only = option('only');
  const templates = loadDemoWorkflows(TEMPLATES_DIR).filter((wf) => !only || wf.file.includes(only));
  const missingSpecs = loadDemoWorkflows(TEMPLATES_DIR).filter((wf) => !TEMPLATE_SPECS.some((s) => s.file === wf.file));
  if (missingSpecs.length) throw new Error(`templates without a spec in test/templates/: ${missingSpecs.map((w) => w.file).join(', ')}`);

  // Installs that need the network (n8n into the cache, Debian's chromium) come before the proxy trap.
  const runtime = await ensureN8n(option('n8n') ?? defaultVersion(), log);
  if (flag('screenshots')) ensureChromium();
  const catalog = new NodeCatalog(runtime);
  const sandbox = await startSandbox({ port: 0, quiet: true });
  const trap = await startNetTrap();
  Object.assign(process.env, proxyEnv(trap.url)); // n8n inherits them; NO_PROXY keeps loopback direct
  const dataDir = mkdtempSync(join(tmpdir(), 'venue-connectors-templates-'));
  const safe = (line: string) => log(redactKeys(line, sandbox));
  const outcomes: Outcome[] = [];
  let demo: RunningDemo | undefined;
  try {
    demo = await startDemo({ dataDir, sandbox, port: 0, log: safe, n8nVersion: runtime.version, workflows: [] });
    safe(`n8n ${demo.n8nVersion} up at ${demo.url} after ${formatMs(Date.now() - started)}; proxy trap ${trap.url}`);
    const credentials = { ...demo.credentials, ...(await createPlaceholderCredentials(demo.rest, templates, OURS)) };
    for (const wf of templates) {
      const spec = TEMPLATE_SPECS.find((s) => s.file === wf.file) as TemplateSpec;
      const outcome = await runTemplate(demo, sandbox, wf, spec, catalog, credentials, dataDir, trap).catch((error: Error) => ({ file: wf.file, ms: 0, checks: [{ name: 'ran', ok: false, detail: error.message }] }));
      outcomes.push(outcome);
      const failed = outcome.checks.filter((c) => !c.ok);
      safe(`${failed.length ? 'FAIL' : 'ok  '} ${wf.file}  (${outcome.checks.length} checks, ${formatMs(outcome.ms)})`);
      for (const c of outcome.checks) if (!c.ok || flag('verbose')) safe(`       ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
    }
    if (flag('screenshots')) {
      await importWorkflows(demo.rest, credentials, dataDir, templates);
      for (const file of await takeScreenshots(demo, templates)) safe(`screenshot ${file}`);
    }
  } finally {
    await demo?.stop();
    await trap.close();
    await sandbox.close();
  }
  const failed = outcomes.filter((o) => o.checks.some((c) => !c.ok));
  const ok = failed.length === 0 && outcomes.length === templates.length;
  if (ok && !flag('keep')) rmSync(dataDir, { recursive: true, force: true });
  else log(`n8n data kept in ${dataDir} (n8n.log there)`);
  const checks = outcomes.reduce((n, o) => n + o.checks.length, 0);
  log(`templates: ${outcomes.length - failed.length} of ${templates.length} passed, ${checks} checks, in ${formatMs(Date.now() - started)}`);
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
