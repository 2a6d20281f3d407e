import type { INode } from 'n8n-workflow';
import { poll, workflowOf } from '../n8n/support/contexts';
import { type CredentialStore, packageNode } from '../n8n/support/engine';
import { runChain, step } from '../n8n/support/chain';
import { recordNodeError } from '../n8n/support/record';
import { CREDENTIAL_NAMES, useEngineSandbox } from '../n8n/support/sandbox';
import type { FaultKind, Sandbox } from '../sandbox';
import { SMARTWIFI_API_TOKEN } from '../sandbox/keys';
import { leakedSecrets } from '../support/secret-scan';
import { REDACTED_TOKEN, apiTokenValues, smartwifiUrls } from './token-in-urls';

let sandbox: Sandbox;
let credentials: CredentialStore;
useEngineSandbox((started, stored) => {
  sandbox = started;
  credentials = stored;
});
beforeEach(() => sandbox.faults.clear());

/** Everything n8n keeps of an error: message, description, context, response, stack, causes. */
function shown(error: unknown): string {
  const e = error as Error & Record<string, unknown>;
  const causes: unknown[] = [];
  for (let cause = e.cause as Record<string, unknown> | undefined, depth = 0; cause && depth < 5; depth++) {
    causes.push({ message: cause.message, stack: cause.stack, ...cause });
    cause = cause.cause as Record<string, unknown> | undefined;
  }
  return JSON.stringify({ ...e, name: e.name, message: e.message, stack: e.stack, description: e.description, context: e.context, causes });
}

/**
 * What n8n shows of this error names the SmartWiFi request, and no URL in it carries the token: the
 * node's URLs leave `api_token` out (n8n's credential adds it when sending), and any `api_token`
 * shown is `[redacted]`.
 */
function expectTokenRedacted(text: string) {
  expect(smartwifiUrls(text).length).toBeGreaterThan(0);
  for (const value of apiTokenValues(text)) expect(value).toMatch(REDACTED_TOKEN);
  expect(leakedSecrets(text, [SMARTWIFI_API_TOKEN])).toEqual([]);
}

const connections = () => step('Connections', 'smartWifi', 'connection', 'listConnections', { returnAll: false, limit: 5 });
const faults: Array<[string, FaultKind]> = [
  ['a 500 on every attempt', 'status-500'],
  ['an HTML error page on every attempt', 'html-error'],
  ['a connection reset on every attempt', 'reset-after'],
  ['malformed JSON on every attempt', 'malformed-json'],
];

describe('SmartWiFi api_token in what n8n shows: never the token', () => {
  test.each(faults)('an action node failing with %s shows its request without the token', async (_name, fault) => {
    sandbox.faults.inject({ vendor: 'smartwifi', fault, times: 10, delayMs: 0 });
    const result = await runChain([connections()], [{}], credentials);
    const error = result.error('Connections');
    expect(error).toBeDefined();
    recordNodeError(error);
    expectTokenRedacted(shown(error));
    // The execution as n8n stores it (every node's output and error) shows no token either.
    expect(leakedSecrets(JSON.stringify(result.run.data.resultData), [SMARTWIFI_API_TOKEN])).toEqual([]);
  });

  test('a wrong token is not shown either', async () => {
    const wrong = { ...credentials, smartWifiApi: { ...credentials.smartWifiApi, apiToken: 'wrong-token-0123456789abcdef' } };
    const result = await runChain([connections()], [{}], wrong);
    const text = shown(result.error('Connections'));
    expectTokenRedacted(text);
    expect(text).not.toContain('wrong-token-0123456789abcdef');
  });

  test('the polling trigger failing shows its request without the token', async () => {
    const node: INode = packageNode('SmartWiFi Trigger', 'smartWifiTrigger', { event: 'newConnection', hotspot: { __rl: true, mode: 'id', value: '' } }, { smartWifiApi: CREDENTIAL_NAMES.smartWifiApi });
    const workflow = workflowOf([node]);
    await poll(workflow, node, credentials);
    sandbox.faults.inject({ vendor: 'smartwifi', fault: 'status-503', times: 10 });
    const error = await poll(workflow, node, credentials).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeDefined();
    recordNodeError(error);
    expectTokenRedacted(shown(error));
  });
});
