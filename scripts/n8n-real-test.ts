/**
 * The published artifact in a real n8n: packs the package (`npm pack`), installs the tarball the
 * way n8n's community-package installer does into `$N8N_USER_FOLDER/.n8n/nodes/node_modules/`,
 * imports credentials and a workflow using all four action nodes plus n8n's HTTP Request node with
 * a predefined credential, runs it with `n8n execute --id` against the vendor sandbox, and checks
 * the output and the sandbox's state. Also checks that n8n loaded all nodes and credentials.
 *
 * Usage: npm run test:n8n-real [-- --n8n <version>]   (default: the newest pinned 2.x, installed into
 * the cache first if needed; see scripts/runtime/n8n.ts)
 * Env: N8N_REAL_KEEP=1 keeps the temporary user folder for inspection.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '../test/sandbox';
import { type RunData, parseExecuteOutput } from './start/execute-output';
import { testSecrets } from '../test/support/test-secrets';
import { type N8nRuntime, defaultVersion, ensureN8n } from './runtime/n8n';

const ROOT = join(__dirname, '..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; n8n: { nodes: string[]; credentials: string[] } };
const started = Date.now();
const failures: string[] = [];

const log = (line: string) => process.stdout.write(`[n8n-real ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);
function check(name: string, ok: boolean, detail = ''): void {
  log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
  if (!ok) failures.push(name);
}

/** Like n8n's installer: `npm pack`, untar into nodes/node_modules/<name>, drop dev/peer deps, npm install. */
function installTarball(userFolder: string): string {
  const nodesDir = join(userFolder, '.n8n', 'nodes');
  const target = join(nodesDir, 'node_modules', PACKAGE.name);
  mkdirSync(target, { recursive: true });
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', userFolder], { cwd: ROOT, encoding: 'utf8' })) as Array<{ filename: string }>;
  execFileSync('tar', ['-xzf', join(userFolder, filename), '-C', target, '--strip-components=1']);
  const manifestPath = join(target, 'package.json');
  const { devDependencies: _dev, peerDependencies: _peer, optionalDependencies: _optional, ...manifest } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  check('packed package.json has no runtime dependencies', Object.keys(manifest.dependencies ?? {}).length === 0, JSON.stringify(manifest.dependencies ?? {}));
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--omit=dev'], { cwd: target, stdio: 'pipe' });
  writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE.name]: PACKAGE.version } }, null, 2));
  return filename;
}

function n8nEnv(runtime: N8nRuntime, userFolder: string): NodeJS.ProcessEnv {
  return runtime.env({
    PATH: process.env.PATH,
    HOME: userFolder,
    N8N_USER_FOLDER: userFolder,
    N8N_ENCRYPTION_KEY: 'n8n-real-test-encryption-key',
    DB_TYPE: 'sqlite',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_VERIFIED_PACKAGES_ENABLED: 'false',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    N8N_RUNNERS_BROKER_PORT: String(20000 + Math.floor(Math.random() * 20000)),
    // `n8n execute` prints a failed run only at info level.
    N8N_LOG_LEVEL: 'info',
  });
}

function n8n(runtime: N8nRuntime, userFolder: string, args: string[], timeoutMs = 180_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(runtime.node, [runtime.bin, ...args], { env: n8nEnv(runtime, userFolder), cwd: userFolder });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const rl = (value: number | string, mode = 'list') => ({ __rl: true, mode, value: String(value) });

function workflowFor(sandbox: Sandbox) {
  const credential = (type: string) => ({ [type]: { id: `vc-real-${type}`, name: `${type} (sandbox)` } });
  const venue = sandbox.state.splash.venues.find((v) => v.team_id === sandbox.state.splash.teams.find((t) => t.slug === 'default')!.id)!;
  const { walletId, currencyId } = sandbox.keys.anykrowd;
  const node = (name: string, type: string, parameters: object, extra: object = {}) => ({
    id: `id-${name.replace(/\W/g, '')}`,
    name,
    type,
    typeVersion: 1,
    position: [0, 0],
    parameters,
    ...extra,
  });
  const ours = (name: string) => `${PACKAGE.name}.${name}`;
  const nodes = [
    node('Run', 'n8n-nodes-base.manualTrigger', {}),
    node('Create Guest', ours('nectifi'), {
      resource: 'guest',
      operation: 'createGuest',
      locationId: rl(1),
      portalId: rl(1, 'id'),
      additionalFields: { name: 'Real n8n Guest', email: 'real.n8n@example.com' },
    }, { credentials: credential('nectifiApi') }),
    node('Create Voucher', ours('splashAir'), {
      resource: 'voucher',
      operation: 'createVoucher',
      code: '=REAL-{{ $json.id }}',
      venueId: rl(venue.id),
      numberOfDays: 3,
    }, { credentials: credential('splashAirApi') }),
    node('Hotspots', ours('smartWifi'), { resource: 'hotspot', operation: 'listHotspots', returnAll: true }, { credentials: credential('smartWifiApi') }),
    node('Top Up', ours('anykrowd'), { resource: 'wallet', operation: 'topUpWallet', walletId, amount: '2.50', currencyId: rl(currencyId) }, {
      credentials: credential('anykrowdApi'),
      executeOnce: true,
    }),
    {
      ...node('Fetch Guest', 'n8n-nodes-base.httpRequest', {
        method: 'GET',
        url: `=${sandbox.urls.nectifi}/crm/guests/{{ $('Create Guest').first().json.id }}`,
        authentication: 'predefinedCredentialType',
        nodeCredentialType: 'nectifiApi',
        options: {},
      }, { credentials: credential('nectifiApi') }),
      typeVersion: 4.2,
    },
  ];
  const connections = Object.fromEntries(
    nodes.slice(0, -1).map((n, i) => [n.name, { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] }]),
  );
  return { id: 'vcRealN8nTest01', name: 'venue-connectors real n8n test', active: false, nodes, connections, settings: {} };
}

function credentialsFor(sandbox: Sandbox) {
  const { urls, keys } = sandbox;
  return [
    ['nectifiApi', { apiKey: keys.nectifi.full, baseUrl: urls.nectifi, requestsPerMinute: 10000, allowHttp: true }],
    ['splashAirApi', { host: urls.splash, apiKey: keys.splash.apiKey, team: 'default', allowHttp: true }],
    ['smartWifiApi', { apiToken: keys.smartwifi.apiToken, environment: 'custom', baseUrl: urls.smartwifi, allowHttp: true }],
    ['anykrowdApi', { tenantUrl: urls.anykrowd, apiKey: keys.anykrowd.apiKey, allowHttp: true }],
  ].map(([type, data]) => ({ id: `vc-real-${type}`, name: `${type} (sandbox)`, type, data }));
}


const itemsOf = (run: RunData, node: string) => (run.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((i) => i.json);

async function main(): Promise<void> {
  const versionArg = process.argv.indexOf('--n8n');
  const runtime = await ensureN8n(versionArg > 0 ? process.argv[versionArg + 1] : defaultVersion(), log);
  const userFolder = mkdtempSync(join(tmpdir(), 'n8n-real-'));
  const sandbox = await startSandbox({ port: 0, seed: 11, scale: { nectifiGuests: 200, splashCustomers: 100, smartwifiGuests: 100, smartwifiConnections: 500, anykrowdUsers: 20, anykrowdTransactions: 100 } });
  try {
    log(`n8n ${runtime.version} on Node ${runtime.nodeMajor}, user folder ${userFolder}, sandbox ${sandbox.url}`);
    const tarball = installTarball(userFolder);
    log(`installed ${tarball} into .n8n/nodes/node_modules/${PACKAGE.name}`);

    const exported = join(userFolder, 'nodes.json');
    const exportRun = await n8n(runtime, userFolder, ['export:nodes', `--output=${exported}`]);
    const types = existsSync(exported) ? (JSON.parse(readFileSync(exported, 'utf8')) as Array<{ name: string; credentials?: Array<{ name: string }> }>) : [];
    const ours = types.filter((t) => t.name.startsWith(`${PACKAGE.name}.`)).map((t) => t.name.slice(PACKAGE.name.length + 1));
    const nodes = ours.filter((name) => !name.endsWith('Tool')).sort();
    const tools = ours.filter((name) => name.endsWith('Tool')).sort();
    check('n8n loads the nine nodes of the package', nodes.length === PACKAGE.n8n.nodes.length, nodes.join(', ') || `exit ${exportRun.code}: ${exportRun.stderr.slice(-500)}`);
    check('n8n offers the four action nodes as AI tools', tools.join() === 'anykrowdTool,nectifiTool,smartWifiTool,splashAirTool', tools.join(', '));

    writeFileSync(join(userFolder, 'credentials.json'), JSON.stringify(credentialsFor(sandbox)));
    writeFileSync(join(userFolder, 'workflow.json'), JSON.stringify([workflowFor(sandbox)]));
    const importedCredentials = await n8n(runtime, userFolder, ['import:credentials', `--input=${join(userFolder, 'credentials.json')}`]);
    check('credentials import', importedCredentials.code === 0, importedCredentials.stderr.trim().slice(-300));
    rmSync(join(userFolder, 'credentials.json'));
    const importedWorkflow = await n8n(runtime, userFolder, ['import:workflow', `--input=${join(userFolder, 'workflow.json')}`]);
    check('workflow import', importedWorkflow.code === 0, importedWorkflow.stderr.trim().slice(-300));

    const balanceBefore = sandbox.state.anykrowd.wallet(sandbox.keys.anykrowd.walletId)!.balance_cents;
    const execution = await n8n(runtime, userFolder, ['execute', '--id', 'vcRealN8nTest01', '--rawOutput']);
    const run = parseExecuteOutput(execution.stdout);
    const tail = `${execution.stdout}\n${execution.stderr}`.trim().split('\n').slice(-12).join('\n');
    const ran = execution.code === 0 && !!run && !run.data.resultData.error;
    const error = run?.data.resultData.error;
    check('n8n execute ran the workflow', ran, ran ? `${Object.keys(run!.data.resultData.runData).length} nodes ran` : `${error?.message ?? ''} exit ${execution.code}:\n${tail}`);
    const text = `${execution.stdout}\n${execution.stderr}`;
    check('no secret in the output of n8n', testSecrets().every((s) => !text.includes(s)));
    if (run) {
      const guest = itemsOf(run, 'Create Guest')[0];
      const stored = sandbox.state.nectifi.guests.get(Number(guest?.id));
      check('Nectifi node created the guest in the sandbox', stored?.name === 'Real n8n Guest', `guest ${String(guest?.id)}`);
      const voucher = itemsOf(run, 'Create Voucher')[0];
      check('Splash Air node created the voucher', sandbox.state.splash.vouchers.some((v) => v.code === `REAL-${String(guest?.id)}` && v.id === voucher?.id), String(voucher?.code));
      check('SmartWiFi node listed every hotspot', itemsOf(run, 'Hotspots').length === sandbox.state.smartwifi.hotspots.length, `${itemsOf(run, 'Hotspots').length} hotspots`);
      const balanceAfter = sandbox.state.anykrowd.wallet(sandbox.keys.anykrowd.walletId)!.balance_cents;
      check('anykrowd node topped the wallet up once', balanceAfter - balanceBefore === 250, `${balanceBefore} -> ${balanceAfter} cents`);
      const fetched = itemsOf(run, 'Fetch Guest')[0];
      check('HTTP Request node used the Nectifi credential as a predefined type', fetched?.id === guest?.id, `guest ${String(fetched?.id)}`);
    }
  } finally {
    await sandbox.close();
    if (process.env.N8N_REAL_KEEP === '1' || failures.length > 0) log(`user folder kept: ${userFolder}`);
    else rmSync(userFolder, { recursive: true, force: true });
  }
  log(`${failures.length === 0 ? 'passed' : `FAILED: ${failures.join('; ')}`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  log(`error: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
