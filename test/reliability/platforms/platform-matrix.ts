import type { Sandbox } from '../../sandbox';
import { sandboxCredentials } from '../../n8n/support/sandbox';
import { testSecrets } from '../../support/test-secrets';
import { MATRIX_FAULTS, appliesTo } from '../matrix';
import { PLATFORM_CASES, type Platform } from './cases';
import { PlatformCaller } from './call-platform';
import { type PlatformCellResult, SLOW_FAULTS, runPlatformCell } from './platform-cell';

export const PLATFORMS: Platform[] = ['n8n', 'Zapier'];

export function platformCaller(sandbox: Sandbox): PlatformCaller {
  const { keys, urls } = sandbox;
  return new PlatformCaller(sandboxCredentials(sandbox), {
    nectifi: { apiKey: keys.nectifi.full, baseUrl: urls.nectifi, allowHttp: 'true', webhookSecret: keys.nectifi.webhookSecret },
    splash: { host: urls.splash, apiKey: keys.splash.apiKey, team: keys.splash.team, allowHttp: 'true' },
    smartwifi: { apiToken: keys.smartwifi.apiToken, environment: 'custom', baseUrl: urls.smartwifi, allowHttp: 'true' },
    anykrowd: { tenantUrl: urls.anykrowd, apiKey: keys.anykrowd.apiKey, allowHttp: 'true' },
  });
}

/**
 * Every sandbox fault against each representative operation, through n8n and Zapier. Cells run one
 * at a time, except the slow ones: each waits out a platform's own timeout (25 to 30 s), so the
 * cells of one slow fault (one per operation, so on different paths) run together.
 */
export async function runPlatformMatrix(sandbox: Sandbox, onCell: (cell: PlatformCellResult) => void = () => undefined): Promise<PlatformCellResult[]> {
  const caller = platformCaller(sandbox);
  const results: PlatformCellResult[] = [];
  const done = (cell: PlatformCellResult) => {
    results.push(cell);
    onCell(cell);
  };
  for (const platform of PLATFORMS) {
    const slow = SLOW_FAULTS[platform];
    for (const c of PLATFORM_CASES) {
      for (const fault of MATRIX_FAULTS.filter((f) => !slow.includes(f) && appliesTo(c.op, f))) {
        sandbox.faults.clear();
        done(await runPlatformCell(sandbox, caller, platform, c, fault));
      }
    }
    for (const fault of slow) {
      sandbox.faults.clear();
      const together = await Promise.all(PLATFORM_CASES.map((c) => runPlatformCell(sandbox, caller, platform, c, fault)));
      together.forEach(done);
    }
  }
  return results;
}

/** Secrets found in anything a platform showed (errors, outputs). */
export function leakedIn(results: PlatformCellResult[], extra = ''): string[] {
  const text = results.map((r) => r.shown).join('\n') + extra;
  return testSecrets().filter((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)));
}
