/* Usage: tsx test/sandbox/cli.ts [--port 4010] [--seed 1] [--latency <ms> | <vendor>=<ms>,...] [--log] */
import { startSandbox } from './index';
import { parseLatency } from './latency';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const sandbox = await startSandbox({
    port: Number(arg('port') ?? 4010),
    seed: Number(arg('seed') ?? 1),
    quiet: !process.argv.includes('--log'),
    latencyMs: arg('latency') ? parseLatency(arg('latency') as string) : undefined,
  });
  const { urls, keys } = sandbox;
  const lines = [
    `Vendor sandbox ready in ${Date.now() - t0} ms at ${sandbox.url} (demo credentials, sandbox only)`,
    `Latency     ${Object.entries(sandbox.latency.get()).map(([v, ms]) => `${v} ${ms} ms`).join(', ')} before each answer (--latency; POST /__sandbox/latency)`,
    '',
    `Nectifi     ${urls.nectifi}`,
    `  full key        ${keys.nectifi.full}   (scope *, 10,000/min)`,
    `  read-only key   ${keys.nectifi.readOnly}   (all read scopes, 60/min)`,
    `  CRM-only key    ${keys.nectifi.crmOnly}   (crm.read, 60/min)`,
    `  revoked key     ${keys.nectifi.revoked}`,
    `  IP-blocked key  ${keys.nectifi.ipBlocked}`,
    `  webhook secret  ${keys.nectifi.webhookSecret}   (header ${keys.nectifi.signatureHeader})`,
    `Splash Air  ${urls.splash}   (API under /api)`,
    `  X-API-Key       ${keys.splash.apiKey}`,
    `  teams (slug)    ${keys.splash.team}, ${keys.splash.otherTeam}`,
    `SmartWiFi   ${urls.smartwifi}   (API under /v2)`,
    `  api_token       ${keys.smartwifi.apiToken}`,
    `anykrowd    ${urls.anykrowd}   (API under /apix/v1, send Accept: application/json)`,
    `  Bearer key      ${keys.anykrowd.apiKey}`,
    `  demo user       external_id ${keys.anykrowd.userExternalId}, wallet ${keys.anykrowd.walletId}, currency ${keys.anykrowd.currencyId}`,
    '',
    `Control     ${sandbox.url}/__sandbox/{health,faults,latency,counters,reset,webhooks,webhooks/emit,keys}`,
    'Ctrl-C to stop.',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: closing sandbox\n`);
    sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`sandbox failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
