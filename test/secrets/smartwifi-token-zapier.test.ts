import { type ZapierHarness, startZapierHarness } from '../zapier/support/harness';
import type { FaultKind } from '../sandbox';
import { SMARTWIFI_API_TOKEN } from '../sandbox/keys';
import { leakedSecrets } from '../support/secret-scan';
import { REDACTED_TOKEN, apiTokenValues } from './token-in-urls';

let h: ZapierHarness;
let authData: Record<string, string>;
beforeAll(async () => {
  h = await startZapierHarness('smartwifi');
  authData = { apiToken: h.sandbox.keys.smartwifi.apiToken, environment: 'custom', baseUrl: h.sandbox.urls.smartwifi, allowHttp: 'true' };
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.sandbox.faults.clear());

const newConnection = () => h.app.triggers.newConnection.operation.perform;
const errorsShown: string[] = [];

describe('SmartWiFi api_token in what Zapier shows', () => {
  const faults: Array<[string, FaultKind]> = [
    ['a 500 on every attempt', 'status-500'],
    ['an HTML error page on every attempt', 'html-error'],
    ['a connection reset on every attempt', 'reset-after'],
  ];

  test.each(faults)('a step failing with %s shows no token', async (_name, fault) => {
    h.sandbox.faults.inject({ vendor: 'smartwifi', fault, times: 10 });
    const error = await h.failure(newConnection(), { authData });
    const text = JSON.stringify({ name: error.name, message: error.message, stack: error.stack });
    errorsShown.push(text);
    // Zapier's errors name the step, not the URL; any URL that does show has the token redacted.
    expect(text).toMatch(/SmartWiFi List Connections failed/);
    for (const value of apiTokenValues(text)) expect(value).toMatch(REDACTED_TOKEN);
    expect(leakedSecrets(text, [SMARTWIFI_API_TOKEN])).toEqual([]);
  });

  test('a wrong token is not shown in the error either', async () => {
    const error = await h.failure(newConnection(), { authData: { ...authData, apiToken: 'wrong-token-0123456789abcdef' } });
    expect(`${error.message}\n${error.stack}`).not.toContain('wrong-token-0123456789abcdef');
  });

  // Zapier's HTTP log records the query string z.request sent, api_token included: Zapier scrubs it.
  test('every request in Zapier\'s HTTP log, failed ones included, shows api_token censored', async () => {
    await h.run(newConnection(), { authData });
    const logged = h.logs.requests().filter((line) => line.includes('/smartwifi/'));
    expect(logged.length).toBeGreaterThan(3);
    const values = logged.flatMap(apiTokenValues);
    expect(values.length).toBeGreaterThanOrEqual(logged.length);
    for (const value of values) expect(value).toMatch(REDACTED_TOKEN);
    expect(leakedSecrets([h.logs.text(), ...errorsShown].join('\n'), [SMARTWIFI_API_TOKEN])).toEqual([]);
  });
});
