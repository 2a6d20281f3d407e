/**
 * Zapier's integration checks that can be judged locally, on the four apps: the definition checks
 * of zapier/common/integration-checks.ts, and `P-SEARCH-MISS` (a search that finds nothing returns
 * `[]`), run live against the vendor sandbox through zapier-platform-core's app tester.
 * Prints every finding with its code; exits 1 when there is an error.
 * Usage: tsx scripts/zapier-checks.ts [app...]
 */
import { type Sandbox, startSandbox } from '../test/sandbox';
import { type Finding, checkApp } from '../zapier/common/integration-checks';
import { ZAPIER_APPS, type ZapierApp } from './zapier-build';

type Definition = Record<string, any>;

export function loadApp(app: ZapierApp): Definition {
  return require(`../zapier/${app}/index`).default;
}

/** The connection each app gets against the sandbox. */
function authDataFor(app: ZapierApp, sandbox: Sandbox): Record<string, string> {
  const { keys, urls } = sandbox;
  switch (app) {
    case 'nectifi':
      return { apiKey: keys.nectifi.full, baseUrl: urls.nectifi, allowHttp: 'true', webhookSecret: keys.nectifi.webhookSecret };
    case 'splash':
      return { host: urls.splash, apiKey: keys.splash.apiKey, team: keys.splash.team, allowHttp: 'true' };
    case 'smartwifi':
      return { apiToken: keys.smartwifi.apiToken, environment: 'custom', baseUrl: urls.smartwifi, allowHttp: 'true' };
    case 'anykrowd':
      return { tenantUrl: urls.anykrowd, apiKey: keys.anykrowd.apiKey, allowHttp: 'true' };
  }
}

/** Input that matches nothing: an unknown number for numeric and dropdown fields, unknown text otherwise. */
function missingInput(fields: Definition[]): Record<string, string> {
  const input: Record<string, string> = {};
  for (const field of fields) {
    if (!field.required || typeof field !== 'object') continue;
    const numeric = field.type === 'integer' || field.type === 'number' || /(^|_)id$/.test(field.key);
    input[field.key] = numeric ? '987654321' : field.type === 'string' && /email/i.test(field.key) ? 'nobody@nowhere.invalid' : 'zz-no-such-value-zz';
  }
  return input;
}

/** Each search with required input, run with input that matches nothing, must return `[]`. */
export async function checkSearchMisses(name: ZapierApp, app: Definition, sandbox: Sandbox): Promise<Finding[]> {
  const findings: Finding[] = [];
  const { createAppTester } = require('zapier-platform-core') as typeof import('zapier-platform-core');
  // In process, never let zapier-platform-core patch Node's http for everything else running here.
  const tester = createAppTester({ ...app, flags: { ...(app.flags as object | undefined), skipHttpPatch: true } });
  for (const [key, search] of Object.entries<Definition>(app.searches ?? {})) {
    const inputData = missingInput(search.operation.inputFields ?? []);
    const where = `searches.${key}`;
    if (Object.keys(inputData).length === 0) continue; // a report, not a lookup: nothing to miss
    try {
      const result = await tester(search.operation.perform, { authData: authDataFor(name, sandbox), inputData } as never);
      if (!Array.isArray(result) || result.length > 0) {
        findings.push({ code: 'P-SEARCH-MISS', severity: 'error', where, message: `input that matches nothing returned ${JSON.stringify(result).slice(0, 80)}, not []` });
      }
    } catch (error) {
      findings.push({ code: 'P-SEARCH-MISS', severity: 'error', where, message: `input that matches nothing failed instead of returning []: ${(error as Error).message.slice(0, 160)}` });
    }
  }
  return findings;
}

export async function runChecks(apps: ZapierApp[]): Promise<Record<string, Finding[]>> {
  // zapier-platform-core prints a memory line per run unless it runs under test (read when loaded).
  process.env.NODE_ENV ??= 'test';
  const sandbox = await startSandbox({ port: 0, quiet: true });
  try {
    const results: Record<string, Finding[]> = {};
    for (const name of apps) {
      const app = loadApp(name);
      results[name] = [...checkApp(app), ...(await checkSearchMisses(name, app, sandbox))];
    }
    return results;
  } finally {
    await sandbox.close();
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  for (const app of wanted) if (!(ZAPIER_APPS as readonly string[]).includes(app)) throw new Error(`unknown app ${app}; known: ${ZAPIER_APPS.join(', ')}`);
  const apps = (wanted.length ? wanted : [...ZAPIER_APPS]) as ZapierApp[];
  const results = await runChecks(apps);
  let errors = 0;
  let warnings = 0;
  for (const [app, findings] of Object.entries(results)) {
    for (const f of findings) process.stdout.write(`${f.severity.toUpperCase().padEnd(7)} ${f.code.padEnd(13)} ${app} ${f.where}: ${f.message}\n`);
    errors += findings.filter((f) => f.severity === 'error').length;
    warnings += findings.filter((f) => f.severity === 'warning').length;
  }
  process.stdout.write(`zapier integration checks: ${errors} errors, ${warnings} warnings (${apps.join(', ')})\n`);
  if (errors > 0) process.exit(1);
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
