import type { Sandbox } from '../../sandbox';

/** Every credential the sandbox hands out: none may show in an error or a log line. */
export function sandboxSecrets(sandbox: Sandbox): string[] {
  const { nectifi, splash, smartwifi, anykrowd } = sandbox.keys;
  return [
    nectifi.full,
    nectifi.readOnly,
    nectifi.crmOnly,
    nectifi.revoked,
    nectifi.ipBlocked,
    nectifi.webhookSecret,
    splash.apiKey,
    smartwifi.apiToken,
    anykrowd.apiKey,
    // A Sanctum token's part after `|` is a secret on its own.
    anykrowd.apiKey.split('|')[1],
  ];
}

export function secretsIn(text: string, secrets: string[]): string[] {
  return secrets.filter((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)));
}
